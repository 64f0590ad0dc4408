import type { ReportRange } from '../filters/range.js';

/**
 * Shared SQL fragments. Every statement takes the range as its first four parameters:
 * $1 from, $2 to (inclusive days), $3 the reporting time zone, $4 the app (NULL: all apps).
 * Days are cut in that time zone: [from 00:00, to + 1 day 00:00) local time.
 */
export const rangeParams = (range: ReportRange): unknown[] => [
  range.from,
  range.to,
  range.timeZone,
  range.appId,
];

export const BOUNDS = `bounds AS (
  SELECT ($1::date)::timestamp AT TIME ZONE $3 AS lo, ($2::date + 1)::timestamp AT TIME ZONE $3 AS hi
)`;

/** An event (alias e) in the range and app; needs `bounds b` in FROM. */
export const EVENT_IN_RANGE = `e.event_timestamp >= b.lo AND e.event_timestamp < b.hi
  AND ($4::text IS NULL OR e.app_id = $4)`;

/**
 * A session (alias s) that started in the range. `session_date` is the session's start day in
 * the warehouse's time zone, never more than a day from ours, so it narrows the scan to an
 * index range; `session_start` decides.
 */
export const SESSION_IN_RANGE = `s.session_date BETWEEN $1::date - 1 AND $2::date + 1
  AND s.session_start >= b.lo AND s.session_start < b.hi
  AND ($4::text IS NULL OR s.app_id = $4)`;

/** A purchase's transaction: its `transaction_id`, else the event's own id. */
export const TRANSACTION = `coalesce(e.attributes->>'transaction_id', e.event_id)`;
/** A purchase's value: its numeric `value` attribute (0 without one). */
export const PURCHASE_VALUE = `CASE WHEN jsonb_typeof(e.attributes->'value') = 'number'
  THEN (e.attributes->>'value')::numeric ELSE 0 END`;

/**
 * One row per transaction whose first record falls in the range: a purchase recorded twice
 * (a reloaded confirmation page) counts once, on the day it first happened.
 */
export const PURCHASES = `purchases AS (
  SELECT p.* FROM (
    SELECT DISTINCT ON (e.app_id, ${TRANSACTION})
      e.app_id, ${TRANSACTION} AS transaction_id, e.event_id, e.client_id, e.session_id,
      e.event_timestamp, ${PURCHASE_VALUE} AS value, e.attributes->>'currency' AS currency,
      e.context_product_id, e.context_product_name, e.context_product_category,
      e.context_product_brand, e.attributes
    FROM clickstream_events e, bounds b
    WHERE e.event_name = 'purchase' AND ${EVENT_IN_RANGE}
    ORDER BY e.app_id, ${TRANSACTION}, e.event_timestamp, e.event_id
  ) p, bounds b
  WHERE NOT EXISTS (
    SELECT 1 FROM clickstream_events e
    WHERE e.event_name = 'purchase' AND e.event_timestamp < b.lo AND e.app_id = p.app_id
      AND ${TRANSACTION} = p.transaction_id
  )
)`;

/** numeric and bigint arrive as strings from pg; null stays null. */
export const num = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;
