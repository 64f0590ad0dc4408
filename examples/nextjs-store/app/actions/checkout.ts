'use server';
import type { ProductItem } from '@clicktrail/sdk';
import { cookies } from 'next/headers';
import { productContext, productItem } from '@/analytics/product-context';
import { currentUser } from '@/auth/session';
import { CART_COOKIE, decodeCart } from '@/cart/cart-cookie';
import { InvalidQuantityError } from '@/cart/quantity';
import { getDatabase } from '@/db/connection';
import { EmptyOrderError, OutOfStockError, placeOrder, UnknownProductError } from '@/db/orders';
import { getProducts } from '@/db/products';

export type CheckoutResult =
  | {
      ok: true;
      orderId: string;
      /** Order total in the order's currency (not cents), for the purchase event. */
      value: number;
      currency: string;
      items: ProductItem[];
    }
  | { ok: false; error: string };

/** Places the cart as an order of the signed-in user; the same key never makes a second order. */
export async function placeOrderFromCart(idempotencyKey: string): Promise<CheckoutResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: 'Please log in to place your order.' };
  const store = await cookies();
  const lines = decodeCart(store.get(CART_COOKIE)?.value);
  try {
    const { order } = await placeOrder(await getDatabase(), {
      userId: user.id,
      idempotencyKey: String(idempotencyKey),
      lines,
    });
    store.delete(CART_COOKIE);
    const products = new Map(
      (
        await getProducts(
          await getDatabase(),
          order.items.map((i) => i.productId),
        )
      ).map((p) => [p.id, p]),
    );
    return {
      ok: true,
      orderId: order.id,
      value: order.totalCents / 100,
      currency: order.currency,
      items: order.items.map((item) => {
        const product = products.get(item.productId);
        const context = product ? productContext(product) : { id: item.productId, name: item.name };
        return productItem(context, item.quantity);
      }),
    };
  } catch (error) {
    if (error instanceof OutOfStockError) {
      return {
        ok: false,
        error: `Only ${error.available} left of one of your products: please change your cart.`,
      };
    }
    if (error instanceof EmptyOrderError) return { ok: false, error: 'Your cart is empty.' };
    if (error instanceof UnknownProductError)
      return { ok: false, error: 'A product in your cart is no longer sold.' };
    if (error instanceof InvalidQuantityError)
      return { ok: false, error: 'Your cart has an invalid quantity.' };
    throw error;
  }
}
