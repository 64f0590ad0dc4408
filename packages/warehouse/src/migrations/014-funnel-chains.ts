/**
 * Version 14 (the dashboard's range): each client's closed-funnel chain over all its time,
 * greedy from its first view_item (t0), then the first add_to_cart at or after it (t1), and
 * so on. A range whose start is at or before a client's t0 sees exactly that chain (cut at
 * the range's end), so the funnel reads one row per such client; only clients with a
 * view_item before the range need their step times. Scope 'app' per app, 'any' across apps
 * (app_id '').
 */
export const funnelChains = `
CREATE TABLE funnel_chains (
  scope text NOT NULL,
  app_id text NOT NULL,
  client_key integer NOT NULL,
  t0 timestamptz NOT NULL,
  t1 timestamptz,
  t2 timestamptz,
  t3 timestamptz,
  PRIMARY KEY (scope, app_id, client_key)
);
CREATE INDEX funnel_chains_start ON funnel_chains (scope, app_id, t0);
CREATE INDEX funnel_steps_client ON funnel_steps (client_key);

-- Filled by the next derive.
INSERT INTO derive_dirty_sessions (app_id, client_id, session_id)
  SELECT DISTINCT app_id, client_id, session_id FROM clickstream_events
  ON CONFLICT DO NOTHING;
`;
