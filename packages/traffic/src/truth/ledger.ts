/** The ground-truth ledger `clicktrail-traffic --truth FILE` writes and `clicktrail-verify` reads. */

/** The purchase funnel's steps, in order (contract.md, issue 10). */
export const FUNNEL_STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'] as const;

/** One product's figures over a range. */
export interface ProductFigures {
  id: string;
  name: string;
  /** `view_item` events with this product. */
  views: number;
  /** `add_to_cart` events with this product. */
  add_to_carts: number;
  /** Transactions (counted once each) with this product among their items. */
  purchases: number;
  /** Units bought, over those transactions. */
  units: number;
  revenue_cents: number;
}

/** What the dashboard must show for one range (a day is a range of one day). */
export interface Figures {
  from: string;
  to: string;
  users: number;
  new_users: number;
  sessions: number;
  engaged_sessions: number;
  page_views: number;
  events: number;
  purchases: number;
  revenue_cents: number;
  /** Clients reaching each of FUNNEL_STEPS in order within the range (closed funnel). */
  funnel: number[];
  /** Every product with any figure, most revenue first, then most views, then id. */
  products: ProductFigures[];
}

export interface Ledger {
  version: 1;
  generator: { seed: number; visitors: number; days: number; via: 'ingest' | 'browser' };
  app_id: string;
  time_zone: string;
  from: string;
  to: string;
  /** One entry per day of the history, then the multi-day ranges verify checks. */
  ranges: Figures[];
  /** Browser driver only: the orders the store holds for these shoppers, in cents. */
  orders?: { count: number; revenue_cents: number };
}
