import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num } from './sql.js';

export const FUNNEL_STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'] as const;

export interface Funnel {
  mode: 'closed' | 'open';
  steps: { name: string; clients: number }[];
}

/** The candidate step times of the range (`funnel_steps`: each day's first view_item, every later step). */
const stepEvents = `e AS (
  SELECT r.client_key, r.step, r.at FROM funnel_steps r WHERE ${DAY_IN_RANGE}
)`;

/**
 * Closed: each step's earliest event at or after the previous step's, per client, so a
 * client counts at step n only after steps 1..n in that order. Greedy earliest matching
 * finds an ordered path whenever one exists.
 */
const CLOSED_SQL = `WITH ${stepEvents},
${FUNNEL_STEPS.map((_, i) =>
  i === 0
    ? `s0 AS (SELECT client_key, min(at) AS t FROM e WHERE step = 0 GROUP BY 1)`
    : `s${i} AS (SELECT e.client_key, min(e.at) AS t FROM e JOIN s${i - 1} p USING (client_key)
      WHERE e.step = ${i} AND e.at >= p.t GROUP BY 1)`,
).join(',\n')}
SELECT ${FUNNEL_STEPS.map((_, i) => `(SELECT count(*) FROM s${i}) AS s${i}`).join(', ')}`;

const FLAGS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'] as const;

/** Open: clients may enter at any step; a step counts every client who reached it. */
const OPEN_SQL = `SELECT ${FLAGS.map((flag, i) => `count(DISTINCT r.client_key) FILTER (WHERE r.${flag}) AS s${i}`).join(', ')}
FROM daily_clients r WHERE ${DAY_IN_RANGE}`;

export async function funnel(
  query: Query,
  range: ReportRange,
  mode: 'closed' | 'open' = 'closed',
): Promise<Funnel> {
  const [row] = await query<Record<string, string>>(
    mode === 'closed' ? CLOSED_SQL : OPEN_SQL,
    dayParams(range),
  );
  return {
    mode,
    steps: FUNNEL_STEPS.map((name, i) => ({ name, clients: num(row?.[`s${i}`]) })),
  };
}
