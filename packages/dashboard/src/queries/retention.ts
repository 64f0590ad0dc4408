import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, num } from './sql.js';

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
const RETENTION_SQL = `WITH cohort AS (
  SELECT r.client_key, date_trunc('week', min(r.day))::date AS week
  FROM daily_clients r WHERE r.first_visit AND ${DAY_IN_RANGE} GROUP BY 1
),
active AS (
  SELECT DISTINCT r.client_key, date_trunc('week', r.day)::date AS week
  FROM daily_clients r JOIN cohort c USING (client_key) WHERE ${DAY_IN_RANGE}
),
sizes AS (SELECT week, count(*) AS clients FROM cohort GROUP BY 1)
SELECT to_char(c.week, 'YYYY-MM-DD') AS cohort_week, z.clients,
  (a.week - c.week) / 7 AS week_offset, count(*) AS active_clients
FROM cohort c JOIN active a USING (client_key) JOIN sizes z ON z.week = c.week
WHERE a.week >= c.week
GROUP BY c.week, z.clients, a.week ORDER BY c.week, a.week`;

export async function retention(
  query: Query,
  range: ReportRange,
): Promise<{ cohorts: CohortWeek[] }> {
  const rows = await query<Record<string, string>>(RETENTION_SQL, dayParams(range));
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
