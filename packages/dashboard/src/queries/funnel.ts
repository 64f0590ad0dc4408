import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num, SCOPE } from './sql.js';

export const FUNNEL_STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'] as const;

export interface Funnel {
  mode: 'closed' | 'open';
  steps: { name: string; clients: number }[];
}

const IN_SCOPE = `r.scope = ${SCOPE} AND r.app_id = coalesce($3, '')`;
/** Step 0 is every chain counted; step k those whose step k is before the range's end. */
const reached = (stepBeforeEnd: (k: number) => string) =>
  `count(*) AS s0, ${[1, 2, 3].map((k) => `count(*) FILTER (WHERE ${stepBeforeEnd(k)}) AS s${k}`).join(', ')}`;

/**
 * Closed: each step's earliest event at or after the previous step's, per client, so a
 * client counts at step n only after steps 1..n in that order (greedy earliest matching
 * finds an ordered path whenever one exists), from the client's first view_item in the
 * range and cut at its end. One stored chain per client answers it: a client whose first
 * view_item ever is in the range, its `funnel_chains` row (t0 in the range); one who viewed
 * before, its `funnel_day_chains` row of its first view day in the range (previous view
 * day before the range). $4 is the reporting time zone, for the range's bounds in time.
 */
const CLOSED_SQL = `WITH bounds AS (
  SELECT ($1::date)::timestamp AT TIME ZONE $4 AS lo, ($2::date + 1)::timestamp AT TIME ZONE $4 AS hi
),
chained AS (
  SELECT ${reached((k) => `r.t${k} < b.hi`)}
  FROM funnel_chains r, bounds b WHERE ${IN_SCOPE} AND r.t0 >= b.lo AND r.t0 < b.hi
),
returned AS (
  SELECT ${reached((k) => `r.d${k} <= $2::date`)}
  FROM funnel_day_chains r WHERE ${IN_SCOPE} AND r.day BETWEEN $1::date AND $2::date
    AND r.prev_day < $1::date
)
SELECT ${FUNNEL_STEPS.map((_, i) => `c.s${i} + x.s${i} AS s${i}`).join(', ')} FROM chained c, returned x`;

const FLAGS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'] as const;

/** Open: clients may enter at any step; a step counts every client who reached it. */
const OPEN_SQL = `SELECT ${FLAGS.map((flag, i) => `count(*) FILTER (WHERE ${flag}) AS s${i}`).join(', ')}
FROM (
  SELECT ${FLAGS.map((flag) => `bool_or(r.${flag}) AS ${flag}`).join(', ')}
  FROM daily_clients r WHERE ${DAY_IN_RANGE} GROUP BY r.client_key
) c`;

export async function funnel(
  query: Query,
  range: ReportRange,
  mode: 'closed' | 'open' = 'closed',
): Promise<Funnel> {
  const [row] = await query<Record<string, string>>(
    mode === 'closed' ? CLOSED_SQL : OPEN_SQL,
    mode === 'closed' ? [...dayParams(range), range.timeZone] : dayParams(range),
  );
  return {
    mode,
    steps: FUNNEL_STEPS.map((name, i) => ({ name, clients: num(row?.[`s${i}`]) })),
  };
}
