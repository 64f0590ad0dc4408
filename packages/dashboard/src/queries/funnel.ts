import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num } from './sql.js';

export const FUNNEL_STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'] as const;

export interface Funnel {
  mode: 'closed' | 'open';
  steps: { name: string; clients: number }[];
}

/**
 * `funnel_chains`: each client's chain over all its time (greedy from its first view_item).
 * $4 is the reporting time zone, for the range's bounds in time.
 */
const CHAINS = `funnel_chains c, bounds b
  WHERE c.scope = CASE WHEN $3::text IS NULL THEN 'any' ELSE 'app' END AND c.app_id = coalesce($3, '')`;

/** One step's candidate times in the range (`funnel_steps`: each day's first view_item, every later step). */
const stepRows = (step: number) =>
  `SELECT r.client_key, r.at FROM funnel_steps r WHERE r.step = ${step} AND ${DAY_IN_RANGE}`;

/**
 * Closed: each step's earliest event at or after the previous step's, per client, so a
 * client counts at step n only after steps 1..n in that order (greedy earliest matching
 * finds an ordered path whenever one exists). A client whose first view_item ever is in the
 * range follows its stored chain, cut at the range's end (`chained`). The others with a
 * view_item before the range (its chain starts before it) are matched on their step times
 * in the range.
 */
const CLOSED_SQL = `WITH bounds AS (
  SELECT ($1::date)::timestamp AT TIME ZONE $4 AS lo, ($2::date + 1)::timestamp AT TIME ZONE $4 AS hi
),
chained AS (
  SELECT count(*) AS s0, count(*) FILTER (WHERE c.t1 < b.hi) AS s1,
    count(*) FILTER (WHERE c.t2 < b.hi) AS s2, count(*) FILTER (WHERE c.t3 < b.hi) AS s3
  FROM ${CHAINS} AND c.t0 >= b.lo AND c.t0 < b.hi
),
${FUNNEL_STEPS.map((_, i) =>
  i === 0
    ? `s0 AS (SELECT e.client_key, min(e.at) AS t FROM (${stepRows(0)}) e
      , ${CHAINS} AND c.client_key = e.client_key AND c.t0 < b.lo GROUP BY 1)`
    : `s${i} AS (SELECT e.client_key, min(e.at) AS t FROM (${stepRows(i)}) e
      JOIN s${i - 1} p USING (client_key) WHERE e.at >= p.t GROUP BY 1)`,
).join(',\n')}
SELECT ${FUNNEL_STEPS.map((_, i) => `(SELECT s${i} FROM chained) + (SELECT count(*) FROM s${i}) AS s${i}`).join(', ')}`;

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
