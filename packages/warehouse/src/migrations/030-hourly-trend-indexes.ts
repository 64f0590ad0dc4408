/**
 * Version 30 (the dashboard's, continued: 10-19 are full): covering indexes for the hourly
 * trend, so a two-day range reads its sessions' start times and its clients' hours from
 * the indexes alone (an index-only scan of the all-visible pages) instead of ~30k scattered
 * heap rows each, which made its first call 438 ms at 10M events.
 */
export const hourlyTrendIndexes = `
CREATE INDEX sessions_date_start ON sessions (session_date) INCLUDE (app_id, session_start);
CREATE INDEX hourly_clients_day ON hourly_clients (day)
  INCLUDE (app_id, hour, client_key, page_views);
`;
