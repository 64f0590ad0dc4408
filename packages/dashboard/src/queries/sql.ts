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

/**
 * The purchases (alias `counted`) whose transaction was first recorded in the range: the
 * warehouse's `purchases` table, one row per transaction (`transaction_id`, else
 * `event_id`), so a purchase recorded twice (a reloaded confirmation page) counts once, on
 * the day it first happened. `purchase_date` narrows the scan as for sessions.
 */
export const PURCHASES = `counted AS (
  SELECT p.* FROM purchases p, bounds b
  WHERE p.purchase_date BETWEEN $1::date - 1 AND $2::date + 1
    AND p.purchased_at >= b.lo AND p.purchased_at < b.hi
    AND ($4::text IS NULL OR p.app_id = $4)
)`;

/** numeric and bigint arrive as strings from pg; null stays null. */
export const num = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;
