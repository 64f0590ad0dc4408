/**
 * Version 16 (the dashboard's range): retention without reading every per-client row. The
 * rows of `daily_clients` that have a cohort (a first_visit day) counted per (day, app,
 * cohort day, previous day), the previous day raised to the Sunday before the row's week
 * when it is earlier: whether a row is its client's first of the week in a range only
 * depends on the previous day when that falls in the same week, so a day keeps at most
 * seven previous days per cohort day. Scope 'app' uses the per-app columns, 'any' the
 * across-apps ones. Plus an index for the rare clients with a later first_visit.
 */
export const cohortCounts = `
CREATE TABLE daily_cohort_counts (
  scope text NOT NULL,
  day date NOT NULL,
  app_id text NOT NULL,
  first_visit_day date NOT NULL,
  prev_day date NOT NULL,
  clients integer NOT NULL,
  PRIMARY KEY (scope, day, app_id, first_visit_day, prev_day)
);

-- A first_visit after an earlier one (in the app or in any app): retention's late cohorts.
CREATE INDEX daily_clients_repeated_first_visits ON daily_clients (day)
  WHERE first_visit AND (prev_first_visit IS NOT NULL OR prev_first_visit_any IS NOT NULL);
`;
