/**
 * Version 15 (the dashboard's range): the closed funnel of clients who viewed an item before
 * the range. For each day a client viewed an item after an earlier view day (per app, and
 * across apps as scope 'any'), the greedy chain from that day's first view_item over all
 * later time, as the days its later steps happened: a range sees exactly that chain, cut at
 * its end (a step counts when its day is on or before the range's last day), from the
 * client's first view day in it (`prev_day` before the range). First-ever view days are
 * `funnel_chains`' rows. So the closed funnel reads one row per client, whatever the range.
 */
export const funnelDayChains = `
CREATE TABLE funnel_day_chains (
  scope text NOT NULL,
  app_id text NOT NULL,
  client_key integer NOT NULL,
  day date NOT NULL,
  prev_day date NOT NULL,
  d1 date,
  d2 date,
  d3 date,
  PRIMARY KEY (scope, app_id, client_key, day)
);
-- A short range finds its rows by day; a long one by the few whose previous day is before it.
CREATE INDEX funnel_day_chains_day ON funnel_day_chains (scope, app_id, day)
  INCLUDE (prev_day, d1, d2, d3);
CREATE INDEX funnel_day_chains_prev ON funnel_day_chains (scope, app_id, prev_day)
  INCLUDE (day, d1, d2, d3);
CREATE INDEX funnel_day_chains_client ON funnel_day_chains (client_key);
`;
