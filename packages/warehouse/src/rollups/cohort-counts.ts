import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { weekStart } from './sql.js';

const counted = (scope: 'app' | 'any', firstVisitDay: string, prevDay: string) =>
  `SELECT '${scope}', r.day, r.app_id, r.${firstVisitDay},
    greatest(coalesce(r.${prevDay}, '-infinity'::date), ${weekStart('r.day')} - 1), count(*)
  FROM ${TABLES.dailyClients} r JOIN counted_days d ON d.app_id = r.app_id AND d.day = r.day
  WHERE r.${firstVisitDay} IS NOT NULL GROUP BY 2, 3, 4, 5`;

/**
 * `daily_cohort_counts` (see migration 16) for the days whose per-client rows were rebuilt or
 * changed (`counted_days` of `PREVIOUS_DAYS_STEP`, which runs before it).
 */
export const COHORT_COUNTS_STEP: DeriveStep = {
  name: 'retention cohorts counted per day',
  tables: [TABLES.dailyCohortCounts],
  statements: [
    `DELETE FROM ${TABLES.dailyCohortCounts} r USING counted_days d
      WHERE r.app_id = d.app_id AND r.day = d.day`,
    `INSERT INTO ${TABLES.dailyCohortCounts}
      ${counted('app', 'first_visit_day', 'prev_day')}
      UNION ALL
      ${counted('any', 'first_visit_day_any', 'prev_day_any')}`,
  ],
};
