import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { BOUNDS, EVENT_IN_RANGE, num, rangeParams } from './sql.js';

export const FUNNEL_STEPS = ['view_item', 'add_to_cart', 'begin_checkout', 'purchase'] as const;

export interface Funnel {
  mode: 'closed' | 'open';
  steps: { name: string; clients: number }[];
}

const stepEvents = `e AS (
  SELECT e.client_id, e.event_name, e.event_timestamp FROM clickstream_events e, bounds b
  WHERE e.event_name IN (${FUNNEL_STEPS.map((s) => `'${s}'`).join(', ')}) AND ${EVENT_IN_RANGE}
)`;

/**
 * Closed: each step's earliest event at or after the previous step's, per client, so a
 * client counts at step n only after steps 1..n in that order. Greedy earliest matching
 * finds an ordered path whenever one exists.
 */
const CLOSED_SQL = `WITH ${BOUNDS}, ${stepEvents},
${FUNNEL_STEPS.map((step, i) =>
  i === 0
    ? `s0 AS (SELECT client_id, min(event_timestamp) AS t FROM e WHERE event_name = '${step}' GROUP BY 1)`
    : `s${i} AS (SELECT e.client_id, min(e.event_timestamp) AS t FROM e JOIN s${i - 1} p USING (client_id)
      WHERE e.event_name = '${step}' AND e.event_timestamp >= p.t GROUP BY 1)`,
).join(',\n')}
SELECT ${FUNNEL_STEPS.map((_, i) => `(SELECT count(*) FROM s${i}) AS s${i}`).join(', ')}`;

/** Open: clients may enter at any step; a step counts every client who reached it. */
const OPEN_SQL = `WITH ${BOUNDS}, ${stepEvents}
SELECT ${FUNNEL_STEPS.map((step, i) => `count(DISTINCT client_id) FILTER (WHERE event_name = '${step}') AS s${i}`).join(', ')}
FROM e`;

export async function funnel(
  query: Query,
  range: ReportRange,
  mode: 'closed' | 'open' = 'closed',
): Promise<Funnel> {
  const [row] = await query<Record<string, string>>(
    mode === 'closed' ? CLOSED_SQL : OPEN_SQL,
    rangeParams(range),
  );
  return {
    mode,
    steps: FUNNEL_STEPS.map((name, i) => ({ name, clients: num(row?.[`s${i}`]) })),
  };
}
