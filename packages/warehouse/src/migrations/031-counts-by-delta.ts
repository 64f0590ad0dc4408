/**
 * Version 31 (the dashboard's, continued): the counts over per-client rows
 * (`daily_first_counts`, `daily_cohort_counts`) and over sessions (`daily_session_totals`,
 * `daily_session_values`) are kept from now on by adding the signed changes of the rows
 * they count (`src/rollups/row-changes.ts`) instead of recounting whole days, which only
 * holds if they match those rows to begin with. So the counts and the rows they count are
 * emptied here and rebuilt from the events by the next derive, which starts them afresh.
 */
export const countsByDelta = `
DELETE FROM daily_first_counts;
DELETE FROM daily_cohort_counts;
DELETE FROM daily_client_values;
DELETE FROM daily_clients;
DELETE FROM daily_session_totals;
DELETE FROM daily_session_values;
DELETE FROM session_landings;
DELETE FROM sessions;
`;
