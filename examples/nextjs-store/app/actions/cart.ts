'use server';
import type { ProductContext } from '@clicktrail/sdk';
import { cookies } from 'next/headers';
import { productContext } from '@/analytics/product-context';
import { addLine, CART_COOKIE, decodeCart, encodeCart, removeLine } from '@/cart/cart-cookie';
import { InvalidQuantityError, parseQuantity } from '@/cart/quantity';
import { getDatabase } from '@/db/connection';
import { getProduct } from '@/db/products';

export type CartChange =
  | { ok: true; product: ProductContext; quantity: number }
  | { ok: false; error: string };

const WEEK = 7 * 24 * 3600;

async function readLines() {
  return decodeCart((await cookies()).get(CART_COOKIE)?.value);
}

async function writeLines(lines: ReturnType<typeof decodeCart>) {
  (await cookies()).set(CART_COOKIE, encodeCart(lines), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: WEEK,
  });
}

/** Adds `quantity` of a product, refusing quantities that are not 1-99 or exceed the stock. */
export async function addToCart(productId: string, quantityInput: string): Promise<CartChange> {
  let quantity: number;
  try {
    quantity = parseQuantity(quantityInput);
  } catch (error) {
    if (error instanceof InvalidQuantityError)
      return { ok: false, error: 'Choose a quantity from 1 to 99.' };
    throw error;
  }
  const product = await getProduct(await getDatabase(), String(productId));
  if (!product) return { ok: false, error: 'That product is not in our catalog.' };
  const lines = await readLines();
  const inCart = lines.find((l) => l.productId === product.id)?.quantity ?? 0;
  if (inCart + quantity > product.stock) {
    const left = Math.max(0, product.stock - inCart);
    return {
      ok: false,
      error:
        product.stock === 0
          ? 'Sold out.'
          : `Only ${left} more in stock${inCart ? ` (you have ${inCart} in your cart)` : ''}.`,
    };
  }
  await writeLines(addLine(lines, product.id, quantity));
  return { ok: true, product: productContext(product), quantity };
}

/** Takes a product out of the cart; answers what was removed, for the remove_from_cart event. */
export async function removeFromCart(productId: string): Promise<CartChange> {
  const lines = await readLines();
  const line = lines.find((l) => l.productId === productId);
  const product = line ? await getProduct(await getDatabase(), line.productId) : null;
  if (!line || !product) return { ok: false, error: 'That product is not in your cart.' };
  await writeLines(removeLine(lines, productId));
  return { ok: true, product: productContext(product), quantity: line.quantity };
}
