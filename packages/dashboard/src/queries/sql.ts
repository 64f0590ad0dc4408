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

/** Parameters of the statements over rollups: $1 from, $2 to, $3 the app (NULL: all apps). */
export const dayParams = (range: ReportRange): unknown[] => [range.from, range.to, range.appId];

/**
 * A rollup row (alias r) of a day in the range and the app ($1-$3 of `dayParams`). Rollups are cut in the
 * warehouse's time zone (`derive_state.time_zone`), which the dashboard reports in.
 */
export const DAY_IN_RANGE = `r.day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR r.app_id = $3)`;

/**
 * A per-client rollup row (alias r) that is its client's first of its kind in the range:
 * its previous day (`prev`, within the app; `prevAny` across apps for all apps) is before
 * the range or absent. Counting these rows counts distinct clients, exactly, without
 * hashing. `since` replaces the range's start (retention: the start of the row's week).
 */
export const firstInRange = (prev: string, prevAny: string, since = '$1::date') =>
  `coalesce(CASE WHEN $3::text IS NULL THEN r.${prevAny} ELSE r.${prev} END, '-infinity'::date) < ${since}`;

/** The scope of the rollup rows for the app $3: `any` (across apps) for all apps, else `app`. */
export const SCOPE = `CASE WHEN $3::text IS NULL THEN 'any' ELSE 'app' END`;

/**
 * `daily_first_counts` rows (alias r) of a dimension in the range and the app: per-client
 * rows counted by their previous day of the same kind, across apps for all apps. Distinct
 * clients over the range = `FIRST_CLIENTS`, the counts whose previous day is before it.
 */
export const firstCounts = (dimension: string) => `daily_first_counts r
WHERE r.dimension = '${dimension}' AND r.scope = ${SCOPE}
  AND ${DAY_IN_RANGE}`;
export const FIRST_CLIENTS = `coalesce(sum(r.clients) FILTER (WHERE r.prev_day < $1::date), 0)`;

/**
 * The purchases (alias `counted`) whose transaction was first recorded in the range: the
 * warehouse's `purchases` table, one row per transaction (`transaction_id`, else
 * `event_id`), so a purchase recorded twice (a reloaded confirmation page) counts once, on
 * the day it first happened. Takes `dayParams`.
 */
export const PURCHASES = `counted AS (
  SELECT r.* FROM purchases r WHERE r.purchase_date BETWEEN $1::date AND $2::date
    AND ($3::text IS NULL OR r.app_id = $3)
)`;

/** numeric and bigint arrive as strings from pg; null stays null. */
export const num = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;
