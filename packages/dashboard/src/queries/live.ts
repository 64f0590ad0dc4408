import type { Query } from '../db/reader.js';

export const LIVE_WINDOW_MINUTES = 30;
export const LIVE_LIMIT = 200;

export interface LiveEvent {
  event_timestamp: string;
  received_at: string;
  event_name: string;
  app_id: string;
  client_id: string;
  session_id: string;
  page_url: string | null;
  product_id: string | null;
}

/**
 * Events received in the last 30 minutes, newest first (at most 200), optionally of one
 * event name, dated within the last day: what a developer watches while wiring up tracking.
 * Ignores from/to.
 */
export async function live(
  query: Query,
  appId: string | null,
  eventName: string | null,
): Promise<{ events: LiveEvent[] }> {
  const rows = await query<LiveEvent>(
    `SELECT to_char(event_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS event_timestamp,
      to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at,
      event_name, app_id, client_id, session_id, page_url, context_product_id AS product_id
    FROM clickstream_events
    -- The event-time bound lets the index narrow the scan; the receive time decides.
    WHERE event_timestamp >= now() - interval '1 day' AND received_at >= now() - make_interval(mins => $3)
      AND ($1::text IS NULL OR app_id = $1) AND ($2::text IS NULL OR event_name = $2)
    ORDER BY received_at DESC, event_timestamp DESC, event_id DESC LIMIT $4`,
    [appId, eventName, LIVE_WINDOW_MINUTES, LIVE_LIMIT],
  );
  return { events: rows };
}
