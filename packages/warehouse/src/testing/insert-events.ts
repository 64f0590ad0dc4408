import type { ClientBase } from 'pg';
import { EVENT_COLUMNS, type EventRow } from '../tables/clickstream-events.js';
import { TABLES } from '../tables/names.js';

let counter = 0;

/**
 * A stored `clickstream_events` row for tests of the warehouse's readers (derive, dashboard):
 * a page view of `client-a`'s `session-a` on 2026-11-20 at 10:00 UTC; override what the test
 * is about. Times are ISO strings or epoch ms; `event_id`s are unique unless given.
 */
export function testEventRow(
  overrides: Partial<Omit<EventRow, 'event_timestamp'>> & {
    event_timestamp?: string | number;
  } = {},
): EventRow {
  counter += 1;
  const { event_timestamp = '2026-11-20T10:00:00.000Z', ...rest } = overrides;
  const time = new Date(event_timestamp).toISOString();
  return {
    event_id: `row_${String(counter).padStart(10, '0')}`,
    event_timestamp: time,
    event_name: 'page_view',
    user_id: null,
    user_login_state: 'logged_out',
    identity_source: null,
    client_id: 'client-a',
    session_id: 'session-a',
    is_first_visit: false,
    context_product_id: null,
    context_product_name: null,
    context_product_category: null,
    context_product_brand: null,
    context_product_price: null,
    context_product_discount_price: null,
    context_product_url_path: null,
    app_id: 'shop',
    session_number: 1,
    page_url: 'https://shop.example/',
    page_referrer: null,
    page_title: 'Home',
    device_timestamp: time,
    received_at: time,
    sent_at: time,
    clock_skew_ms: 0,
    user_agent: 'vitest',
    client_ip: null,
    request_id: 'req-test',
    sdk_version: 'test',
    raw_version: 1,
    attributes: {},
    source_object: 'events/test.ndjson.gz',
    items: [],
    ...rest,
  };
}

const columns = EVENT_COLUMNS.join(', ');

/** Inserts rows as the loader does (one statement, duplicates skipped); answers how many were new. */
export async function insertEvents(client: ClientBase, rows: readonly EventRow[]): Promise<number> {
  const result = await client.query(
    `INSERT INTO ${TABLES.events} (${columns})
     SELECT ${columns} FROM json_populate_recordset(NULL::${TABLES.events}, $1::json)
     ON CONFLICT (event_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
  return result.rowCount ?? 0;
}
