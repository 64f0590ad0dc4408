import type { DeriveStep } from '../derive/steps.js';

/**
 * Stages, as `day_events` (dropped at commit), the events of the touched clients (those of
 * `touched_sessions`) on the affected days, with each client's integer key: the per-client
 * rollups are rebuilt for exactly those (day, app, client), `touched_client_days`, so a run
 * costs the touched clients' events, not whole days. New clients get their key here; keys
 * are never reassigned, so a full rebuild writes the same rows.
 */
export const DAY_EVENTS_STEP: DeriveStep = {
  name: 'events of the touched clients on the affected days, with client keys',
  tables: [],
  statements: [
    `CREATE TEMP TABLE touched_clients ON COMMIT DROP AS
      SELECT DISTINCT app_id, client_id FROM touched_sessions`,
    `INSERT INTO client_keys (client_id)
      SELECT DISTINCT client_id FROM touched_clients ORDER BY 1 ON CONFLICT DO NOTHING`,
    // Temporary tables have no statistics until analysed: without them the planner scans.
    'ANALYZE touched_clients',
    'ANALYZE affected_days',
    `CREATE TEMP TABLE day_events ON COMMIT DROP AS
      SELECT d.day, e.app_id, k.client_key, e.event_name, e.event_timestamp,
        CASE WHEN e.event_name = 'page_view' THEN clicktrail_url_path(e.page_url) END AS path,
        e.identity_source, e.user_agent
      FROM touched_clients t
        JOIN client_keys k ON k.client_id = t.client_id
        JOIN clickstream_events e ON e.app_id = t.app_id AND e.client_id = t.client_id
        JOIN affected_days d ON d.app_id = e.app_id AND d.day = e.event_timestamp::date`,
    `CREATE TEMP TABLE touched_client_days ON COMMIT DROP AS
      SELECT DISTINCT day, app_id, client_key FROM day_events`,
    'ANALYZE day_events',
    'ANALYZE touched_client_days',
  ],
};
