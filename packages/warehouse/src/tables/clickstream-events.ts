/** One `clickstream_events` row, as sent to PostgreSQL (timestamps as ISO strings). */
export interface EventRow {
  event_id: string;
  event_timestamp: string;
  event_name: string;
  user_id: string | null;
  user_login_state: string;
  identity_source: string | null;
  client_id: string;
  session_id: string;
  is_first_visit: boolean;
  context_product_id: string | null;
  context_product_name: string | null;
  context_product_category: string | null;
  context_product_brand: string | null;
  context_product_price: number | null;
  context_product_discount_price: number | null;
  context_product_url_path: string | null;
  app_id: string;
  session_number: number;
  page_url: string | null;
  page_referrer: string | null;
  page_title: string | null;
  device_timestamp: string;
  received_at: string;
  sent_at: string | null;
  clock_skew_ms: number;
  user_agent: string | null;
  client_ip: string | null;
  request_id: string;
  sdk_version: string | null;
  raw_version: number;
  attributes: Record<string, unknown>;
  source_object: string;
  /** The event's `items` (product context plus `quantity`), `[]` when none. */
  items: readonly object[];
}

/**
 * Every column the loader writes, in one order: the JSON path names them, the COPY path
 * writes its fields in this order. Checked against `EventRow` at compile time.
 */
export const EVENT_COLUMNS = [
  'event_id',
  'event_timestamp',
  'event_name',
  'user_id',
  'user_login_state',
  'identity_source',
  'client_id',
  'session_id',
  'is_first_visit',
  'context_product_id',
  'context_product_name',
  'context_product_category',
  'context_product_brand',
  'context_product_price',
  'context_product_discount_price',
  'context_product_url_path',
  'app_id',
  'session_number',
  'page_url',
  'page_referrer',
  'page_title',
  'device_timestamp',
  'received_at',
  'sent_at',
  'clock_skew_ms',
  'user_agent',
  'client_ip',
  'request_id',
  'sdk_version',
  'raw_version',
  'attributes',
  'source_object',
  'items',
] as const satisfies readonly (keyof EventRow)[];

// Fails to compile when EventRow gains a column that EVENT_COLUMNS lacks.
type Missing = Exclude<keyof EventRow, (typeof EVENT_COLUMNS)[number]>;
const noneMissing: [Missing] extends [never] ? true : Missing = true;
void noneMissing;

/** One column of `clickstream_events` the loader writes. */
export type EventColumn = (typeof EVENT_COLUMNS)[number];
