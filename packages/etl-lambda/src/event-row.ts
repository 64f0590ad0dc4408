import type { RawEvent } from '@clicktrail/sdk/schema';
import type { EventRow } from '@clicktrail/warehouse';
import { int4, iso } from './column-values.js';

export { RowError } from './column-values.js';

/**
 * Maps one validated raw line to its row. The destructuring is exhaustive: when the schema
 * gains a field, `unmapped` stops being empty and this stops compiling.
 */
export function toEventRow(event: RawEvent, sourceObject: string): EventRow {
  const { product, event_timestamp, device_timestamp, received_at, sent_at, attributes, ...rest } =
    event;
  const {
    event_id,
    event_name,
    user_id,
    user_login_state,
    identity_source,
    client_id,
    session_id,
    is_first_visit,
    app_id,
    session_number,
    page_url,
    page_referrer,
    page_title,
    clock_skew_ms,
    user_agent,
    client_ip,
    request_id,
    sdk_version,
    raw_version,
    items,
    ...unmapped
  } = rest;
  const exhaustive: Record<string, never> = unmapped;
  void exhaustive;
  return {
    event_id,
    event_timestamp: iso(event_timestamp, 'event_timestamp'),
    event_name,
    user_id,
    user_login_state,
    identity_source,
    client_id,
    session_id,
    is_first_visit,
    context_product_id: product?.id ?? null,
    context_product_name: product?.name ?? null,
    context_product_category: product?.category ?? null,
    context_product_brand: product?.brand ?? null,
    context_product_price: product?.price ?? null,
    context_product_discount_price: product?.discount_price ?? null,
    context_product_url_path: product?.url_path ?? null,
    app_id,
    session_number: int4(session_number, 'session_number'),
    page_url,
    page_referrer,
    page_title,
    device_timestamp: iso(device_timestamp, 'device_timestamp'),
    received_at: iso(received_at, 'received_at'),
    sent_at: sent_at === null ? null : iso(sent_at, 'sent_at'),
    clock_skew_ms,
    user_agent,
    client_ip,
    request_id,
    sdk_version,
    raw_version,
    attributes,
    source_object: sourceObject,
    items,
  };
}
