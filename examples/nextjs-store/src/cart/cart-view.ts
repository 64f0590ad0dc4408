import 'server-only';
import type { ProductItem } from '@clicktrail/sdk';
import { cookies } from 'next/headers';
import { productContext, productItem } from '@/analytics/product-context';
import { getDatabase } from '@/db/connection';
import { getProducts, type Product, unitPriceCents } from '@/db/products';
import { CURRENCY } from '@/db/schema';
import { CART_COOKIE, decodeCart } from './cart-cookie';

export interface CartView {
  lines: { product: Product; quantity: number; lineCents: number }[];
  totalCents: number;
  count: number;
  currency: string;
  items: ProductItem[];
}

/** The cart of this request with current products and prices; unknown products are left out. */
export async function readCartView(): Promise<CartView> {
  const lines = decodeCart((await cookies()).get(CART_COOKIE)?.value);
  const products = new Map(
    (
      await getProducts(
        await getDatabase(),
        lines.map((l) => l.productId),
      )
    ).map((p) => [p.id, p]),
  );
  const known = lines.flatMap((line) => {
    const product = products.get(line.productId);
    return product
      ? [{ product, quantity: line.quantity, lineCents: unitPriceCents(product) * line.quantity }]
      : [];
  });
  return {
    lines: known,
    totalCents: known.reduce((sum, l) => sum + l.lineCents, 0),
    count: known.reduce((sum, l) => sum + l.quantity, 0),
    currency: CURRENCY,
    items: known.map((l) => productItem(productContext(l.product), l.quantity)),
  };
}

/** Item count for the header, without touching the database. */
export async function cartCount(): Promise<number> {
  return decodeCart((await cookies()).get(CART_COOKIE)?.value).reduce(
    (sum, l) => sum + l.quantity,
    0,
  );
}
