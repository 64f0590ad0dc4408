/**
 * Version 12 (the dashboard's range): each per-client rollup row learns the previous day
 * the same client had a row of the same kind, so a range's distinct clients are counted
 * without hashing: a client counts once, on its row whose previous day is before the
 * range (or that has none); `daily_first_counts` counts those rows by day and previous
 * day, so a range sums a few counts instead of reading every row. `_any` columns order a client's rows across apps by (day,
 * app_id), for the all-apps figures; the others stay within one app.
 */
export const firstInRange = `
ALTER TABLE daily_clients
  ADD COLUMN prev_day date,
  ADD COLUMN prev_day_any date,
  ADD COLUMN prev_first_visit date,
  ADD COLUMN prev_first_visit_any date,
  -- The client's earliest first_visit day (in the app, in any app): its retention cohort
  -- for every range that starts on or before it.
  ADD COLUMN first_visit_day date,
  ADD COLUMN first_visit_day_any date;
CREATE INDEX daily_clients_client ON daily_clients (client_key);

ALTER TABLE daily_client_values
  ADD COLUMN prev_day date,
  ADD COLUMN prev_day_any date;
CREATE INDEX daily_client_values_client ON daily_client_values (client_key);

-- User agents per (day, app, client), by a small key: the audience's browser and device
-- classes are counted over these narrow rows (classes are decided by the dashboard).
CREATE TABLE agent_keys (
  user_agent text PRIMARY KEY,
  agent_key integer GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE TABLE daily_client_agents (
  day date NOT NULL,
  app_id text NOT NULL,
  client_key integer NOT NULL,
  agent_key integer NOT NULL,
  prev_day date,
  prev_day_any date,
  PRIMARY KEY (day, app_id, client_key, agent_key)
);
CREATE INDEX daily_client_agents_client ON daily_client_agents (client_key);

-- Those rows counted by (day, previous day): a range's distinct clients (and per page path
-- or identity source) are the sum of the counts whose previous day is before the range.
-- scope 'app' uses the previous day within the app, 'any' across apps (all-apps figures);
-- prev_day '-infinity' when there is none. events: the rows' events (page views for pages).
CREATE TABLE daily_first_counts (
  dimension text NOT NULL,
  scope text NOT NULL,
  day date NOT NULL,
  app_id text NOT NULL,
  value text NOT NULL,
  prev_day date NOT NULL,
  clients integer NOT NULL,
  events bigint NOT NULL,
  PRIMARY KEY (dimension, scope, day, app_id, value, prev_day)
);

-- The closed funnel reads one step at a time.
CREATE INDEX funnel_steps_step ON funnel_steps (step, day);

-- Filled by the next derive.
INSERT INTO derive_dirty_sessions (app_id, client_id, session_id)
  SELECT DISTINCT app_id, client_id, session_id FROM clickstream_events
  ON CONFLICT DO NOTHING;
`;
