import type { AttributeValue } from '@clicktrail/sdk/schema';
import type { Product } from '../catalog.js';

/** A purchased line: the product and how many. */
export interface PurchaseItem {
  product: Product;
  quantity: number;
}

/**
 * One event the model says happens, before any driver sends it: who, when, where, what.
 * Both drivers produce exactly these, and the ground truth is computed from them alone.
 */
export interface SimEvent {
  name: string;
  /** When it happens (epoch ms): the device time the SDK stamps. */
  at: number;
  visitor: string;
  session: string;
  sessionNumber: number;
  isFirstVisit: boolean;
  /** Which browser tab of the visit (0 = the first). */
  tab: number;
  path: string;
  title: string;
  referrer: string | null;
  product: Product | null;
  userId: string | null;
  attributes: Record<string, AttributeValue>;
  items: PurchaseItem[] | null;
}

/** What a transaction adds up to, in cents. */
export const itemsCents = (items: readonly PurchaseItem[]): number =>
  items.reduce(
    (sum, item) => sum + (item.product.discountCents ?? item.product.priceCents) * item.quantity,
    0,
  );
