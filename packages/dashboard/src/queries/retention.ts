import { weekStart } from '@clicktrail/warehouse';
import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, firstInRange, num, SCOPE } from './sql.js';

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

const FIRST_VISIT_DAY = `CASE WHEN $3::text IS NULL THEN r.first_visit_day_any ELSE r.first_visit_day END`;

/**
 * Each client once per week it was active in the range (its first day of that week there),
 * by cohort. A client whose earliest first_visit is in the range belongs to that week's
 * cohort: counted from `daily_cohort_counts` (per-client rows with a cohort, counted by
 * day, cohort day and previous day, raised to the Sunday before the row's week when
 * earlier, so the first-of-week test below is exact). One with an earlier first_visit too
 * belongs to the week of its first first_visit in the range (`late`, rare: looked up in
 * `daily_clients`, whose index on repeated first_visits holds exactly the rows `late` can
 * match, since an earlier first_visit gives the row a previous one; their days are read
 * per client (LATERAL, OFFSET 0 so it is not flattened into a hash of every row: the
 * planner cannot know how few they are).
 */
const ACTIVE = `daily_clients r WHERE ${DAY_IN_RANGE}
    AND ${firstInRange('prev_day', 'prev_day_any', `greatest($1::date, ${weekStart('r.day')})`)}`;

const RETENTION_SQL = `WITH late AS (
  SELECT r.client_key, ${weekStart('r.day')} AS cohort
  FROM daily_clients r WHERE r.first_visit
    AND (r.prev_first_visit IS NOT NULL OR r.prev_first_visit_any IS NOT NULL) AND ${DAY_IN_RANGE}
    AND ${firstInRange('prev_first_visit', 'prev_first_visit_any')} AND ${FIRST_VISIT_DAY} < $1::date
),
counts AS (
  SELECT cohort, week, sum(n) AS n FROM (
    SELECT ${weekStart('r.first_visit_day')} AS cohort, ${weekStart('r.day')} AS week, r.clients AS n
      FROM daily_cohort_counts r WHERE r.scope = ${SCOPE} AND ${DAY_IN_RANGE}
      AND r.first_visit_day BETWEEN $1::date AND $2::date
      AND r.prev_day < greatest($1::date, ${weekStart('r.day')})
    UNION ALL
    SELECT l.cohort, a.week, 1 FROM late l CROSS JOIN LATERAL (
      SELECT ${weekStart('r.day')} AS week FROM ${ACTIVE} AND r.client_key = l.client_key OFFSET 0) a
  ) m GROUP BY 1, 2
)
SELECT to_char(c.cohort, 'YYYY-MM-DD') AS cohort_week, z.n AS clients,
  (c.week - c.cohort) / 7 AS week_offset, c.n AS active_clients
FROM counts c JOIN counts z ON z.cohort = c.cohort AND z.week = z.cohort
WHERE c.week >= c.cohort ORDER BY c.cohort, c.week`;

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
