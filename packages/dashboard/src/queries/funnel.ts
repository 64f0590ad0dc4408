import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num } from './sql.js';

export const FUNNEL_STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'] as const;

export interface Funnel {
  mode: 'closed' | 'open';
  steps: { name: string; clients: number }[];
}

/** One step's candidate times in the range (`funnel_steps`: each day's first view_item, every later step). */
const stepRows = (step: number) =>
  `SELECT r.client_key, r.at FROM funnel_steps r WHERE r.step = ${step} AND ${DAY_IN_RANGE}`;

/**
 * Closed: each step's earliest event at or after the previous step's, per client, so a
 * client counts at step n only after steps 1..n in that order. Greedy earliest matching
 * finds an ordered path whenever one exists.
 */
const CLOSED_SQL = `WITH
${FUNNEL_STEPS.map((_, i) =>
  i === 0
    ? `s0 AS (SELECT client_key, min(at) AS t FROM (${stepRows(0)}) e GROUP BY 1)`
    : `s${i} AS (SELECT e.client_key, min(e.at) AS t FROM (${stepRows(i)}) e
      JOIN s${i - 1} p USING (client_key) WHERE e.at >= p.t GROUP BY 1)`,
).join(',\n')}
SELECT ${FUNNEL_STEPS.map((_, i) => `(SELECT count(*) FROM s${i}) AS s${i}`).join(', ')}`;

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
    dayParams(range),
  );
  return {
    mode,
    steps: FUNNEL_STEPS.map((name, i) => ({ name, clients: num(row?.[`s${i}`]) })),
  };
}
