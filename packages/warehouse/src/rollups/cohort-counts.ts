import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { addCounts, changesOf } from './row-changes.js';
import { weekStart } from './sql.js';

const counted = (scope: 'app' | 'any', firstVisitDay: string, prevDay: string) =>
  `SELECT '${scope}', r.day, r.app_id, r.${firstVisitDay},
    greatest(coalesce(r.${prevDay}, '-infinity'::date), ${weekStart('r.day')} - 1), r.sign
  FROM ${changesOf(TABLES.dailyClients)} r WHERE r.${firstVisitDay} IS NOT NULL`;

/**
 * `daily_cohort_counts` (see migration 16): the logged changes of `daily_clients` rows
 * (`row-changes.ts`; `PREVIOUS_DAYS_STEP` runs before it) added to their counts.
 */
export const COHORT_COUNTS_STEP: DeriveStep = {
  name: 'retention cohorts counted per day',
  tables: [TABLES.dailyCohortCounts],
  statements: addCounts(
    TABLES.dailyCohortCounts,
    ['scope', 'day', 'app_id', 'first_visit_day', 'prev_day'],
    ['clients'],
    `${counted('app', 'first_visit_day', 'prev_day')}
    UNION ALL
    ${counted('any', 'first_visit_day_any', 'prev_day_any')}`,
  ),
};
