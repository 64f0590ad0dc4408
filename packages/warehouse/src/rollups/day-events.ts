import type { DeriveStep } from '../derive/steps.js';
import { EVENTS_OF_AFFECTED_DAYS } from './sql.js';

/**
 * Stages the events of every affected (app_id, day) once, as `day_events` (dropped at
 * commit), with each client's integer key, for the rollup steps after it. New clients get
 * their key here; keys are never reassigned, so a full rebuild writes the same rows.
 */
export const DAY_EVENTS_STEP: DeriveStep = {
  name: 'events of the affected days, with client keys',
  tables: [],
  statements: [
    `INSERT INTO client_keys (client_id)
      SELECT DISTINCT e.client_id FROM ${EVENTS_OF_AFFECTED_DAYS}
      ORDER BY 1 ON CONFLICT DO NOTHING`,
    `CREATE TEMP TABLE day_events ON COMMIT DROP AS
      SELECT d.day, e.app_id, k.client_key, e.event_name, e.event_timestamp,
        CASE WHEN e.event_name = 'page_view' THEN clicktrail_url_path(e.page_url) END AS path,
        e.identity_source, e.user_agent, e.context_product_id, e.context_product_name,
        e.context_product_category, e.context_product_brand
      FROM ${EVENTS_OF_AFFECTED_DAYS} JOIN client_keys k ON k.client_id = e.client_id`,
  ],
};
