import type { OrderLine } from '../db/orders';
import { MAX_QUANTITY } from './quantity';

export const CART_COOKIE = 'ct_cart';
export const MAX_CART_LINES = 50;
const PRODUCT_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** `sku-1001:2,sku-1042:1`: short, readable, and nothing in it is trusted (prices come from the DB). */
export function encodeCart(lines: OrderLine[]): string {
  return lines.map((line) => `${line.productId}:${line.quantity}`).join(',');
}

/** The lines of a cookie value; whatever is malformed is dropped rather than failing the page. */
export function decodeCart(value: string | undefined): OrderLine[] {
  const lines: OrderLine[] = [];
  for (const part of (value ?? '').split(',')) {
    const [productId = '', text = ''] = part.split(':');
    const quantity = Number(text);
    if (!PRODUCT_ID.test(productId) || !Number.isInteger(quantity)) continue;
    if (quantity < 1 || quantity > MAX_QUANTITY || lines.some((l) => l.productId === productId))
      continue;
    lines.push({ productId, quantity });
    if (lines.length === MAX_CART_LINES) break;
  }
  return lines;
}

/** The cart with `quantity` more of a product (a new line goes last). */
export function addLine(lines: OrderLine[], productId: string, quantity: number): OrderLine[] {
  const existing = lines.find((l) => l.productId === productId);
  if (!existing) return [...lines, { productId, quantity }];
  return lines.map((l) =>
    l.productId === productId ? { productId, quantity: l.quantity + quantity } : l,
  );
}

export const removeLine = (lines: OrderLine[], productId: string) =>
  lines.filter((l) => l.productId !== productId);
