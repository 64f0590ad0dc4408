/** Wire format v1: the event and batch shapes every Clicktrail package shares. */

/** Scalar values an attribute may hold. */
export type AttributeValue = string | number | boolean | null;

export type Attributes = Record<string, AttributeValue>;

export type LoginState = 'logged_in' | 'logged_out';

/** Product context, flattened to `context_product_*` columns in the warehouse. */
export interface ProductContext {
  id: string;
  name?: string | null;
  category?: string | null;
  brand?: string | null;
  price?: number | null;
  discount_price?: number | null;
  url_path?: string | null;
}

/** One line of `items`: product context plus how many (GA4's item model). */
export interface ProductItem extends ProductContext {
  /** A whole number ≥ 1; null when not given. */
  quantity?: number | null;
}

/**
 * What a `purchase` carries in `attributes` (GA4's parameters). Ingest drops any of the three
 * that has the wrong type; the warehouse's revenue figures read `value`.
 */
export interface PurchaseAttributes {
  /** The order id, 1–128 characters. */
  transaction_id?: string;
  /** The order total, a finite number, in `currency`. */
  value?: number;
  /** ISO 4217 code, three upper-case letters (`EUR`). */
  currency?: string;
}

/** One event as the SDK sends it and as ingest accepts it (after validation, every field is set). */
export interface ClickstreamEvent {
  event_id: string;
  event_name: string;
  /** Device clock, epoch milliseconds. */
  event_timestamp: number;
  app_id: string;
  client_id: string;
  session_id: string;
  session_number: number;
  is_first_visit: boolean;
  user_id: string | null;
  user_login_state: LoginState;
  identity_source: string | null;
  page_url: string | null;
  page_referrer: string | null;
  page_title: string | null;
  product: ProductContext | null;
  /** Products of a cart or an order, at most `LIMITS.maxItems`; empty when none. */
  items: ProductItem[];
  attributes: Attributes;
  sdk_version: string | null;
}

/** The body of `POST /clickstream`. */
export interface EventBatch {
  /** Device clock when the batch left the browser, epoch milliseconds. */
  sent_at: number;
  events: ClickstreamEvent[];
}
