import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { DAY_IN_RANGE, dayParams, firstInRange, num } from './sql.js';

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
/** Monday of a date's week. */
const week = (day: string) => `(${day} - (extract(isodow FROM ${day})::int - 1))`;
const FIRST_VISIT_DAY = `CASE WHEN $3::text IS NULL THEN r.first_visit_day_any ELSE r.first_visit_day END`;

/**
 * Each client once per week it was active in the range (its first day of that week there),
 * by cohort: a client whose earliest first_visit is in the range belongs to that week's
 * cohort; one with an earlier first_visit too, to the week of its first first_visit in the
 * range (`late`, rare: looked up). Counted per (cohort, week) before anything is joined.
 */
const ACTIVE = `daily_clients r WHERE ${DAY_IN_RANGE}
    AND ${firstInRange('prev_day', 'prev_day_any', `greatest($1::date, ${week('r.day')})`)}`;

const RETENTION_SQL = `WITH late AS (
  SELECT r.client_key, ${week('r.day')} AS cohort
  FROM daily_clients r WHERE r.first_visit AND ${DAY_IN_RANGE}
    AND ${firstInRange('prev_first_visit', 'prev_first_visit_any')} AND ${FIRST_VISIT_DAY} < $1::date
),
counts AS (
  SELECT cohort, week, count(*) AS n FROM (
    SELECT ${week(FIRST_VISIT_DAY)} AS cohort, ${week('r.day')} AS week FROM ${ACTIVE}
      AND ${FIRST_VISIT_DAY} BETWEEN $1::date AND $2::date
    UNION ALL
    SELECT l.cohort, ${week('r.day')} FROM late l, ${ACTIVE} AND r.client_key = l.client_key
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
