import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { BOUNDS, EVENT_IN_RANGE, num, rangeParams } from './sql.js';

export interface CohortWeek {
  /** Monday of the cohort's first-visit week (reporting time zone). */
  cohort_week: string;
  clients: number;
  /** 0 is the first-visit week itself. */
  week_offset: number;
  active_clients: number;
  share: number;
}

/**
 * Weekly cohorts: clients whose first `first_visit` event falls in the range, by its week
 * (weeks start on Monday). For each later week up to the range's end, the share of the
 * cohort with any event in that week.
 */
const RETENTION_SQL = `WITH ${BOUNDS},
cohort AS (
  SELECT e.client_id, date_trunc('week', min(e.event_timestamp) AT TIME ZONE $3)::date AS week
  FROM clickstream_events e, bounds b WHERE e.event_name = 'first_visit' AND ${EVENT_IN_RANGE}
  GROUP BY 1
),
active AS (
  SELECT DISTINCT e.client_id, date_trunc('week', e.event_timestamp AT TIME ZONE $3)::date AS week
  FROM clickstream_events e JOIN cohort c USING (client_id), bounds b WHERE ${EVENT_IN_RANGE}
),
sizes AS (SELECT week, count(*) AS clients FROM cohort GROUP BY 1)
SELECT to_char(c.week, 'YYYY-MM-DD') AS cohort_week, z.clients,
  (a.week - c.week) / 7 AS week_offset, count(*) AS active_clients
FROM cohort c JOIN active a USING (client_id) JOIN sizes z ON z.week = c.week
WHERE a.week >= c.week
GROUP BY c.week, z.clients, a.week ORDER BY c.week, a.week`;

export async function retention(
  query: Query,
  range: ReportRange,
): Promise<{ cohorts: CohortWeek[] }> {
  const rows = await query<Record<string, string>>(RETENTION_SQL, rangeParams(range));
  return {
    cohorts: rows.map((r) => ({
      cohort_week: r.cohort_week as string,
      clients: num(r.clients),
      week_offset: num(r.week_offset),
      active_clients: num(r.active_clients),
      share: num(r.active_clients) / num(r.clients),
    })),
  };
}
