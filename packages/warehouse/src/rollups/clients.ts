import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { CLIENT_PREVIOUS, insertWithPrevious, VALUE_PREVIOUS } from './previous.js';
import { createChanges, loggingAdded, loggingRemoved } from './row-changes.js';
import { deleteTouchedClientDays } from './sql.js';

const CLIENT_COLUMNS = [
  'day',
  'app_id',
  'client_key',
  'events',
  'first_visit',
  'view_item',
  'add_to_cart',
  'begin_checkout',
  'purchase',
];
const STEP_NUMBER = `CASE e.event_name WHEN 'add_to_cart' THEN 1 WHEN 'begin_checkout' THEN 2 ELSE 3 END`;

/**
 * Per (day, app, client): what the client did that day (users, new users, the open funnel,
 * retention); per value of a page path, identity source, browser and device class (of the
 * agent the events came with: `AGENT_CLASSES_STEP` runs before), for distinct users per
 * value; and the closed funnel's candidate step times. Reads `day_events`.
 */
export const CLIENTS_STEP: DeriveStep = {
  name: 'clients per day, per value, funnel steps',
  tables: [TABLES.dailyClients, TABLES.dailyClientValues, TABLES.funnelSteps],
  statements: [
    createChanges(TABLES.dailyClients),
    createChanges(TABLES.dailyClientValues),
    loggingRemoved(TABLES.dailyClients, deleteTouchedClientDays(TABLES.dailyClients)),
    loggingAdded(
      TABLES.dailyClients,
      insertWithPrevious(
        TABLES.dailyClients,
        CLIENT_COLUMNS,
        CLIENT_PREVIOUS,
        `SELECT day, app_id, client_key, count(*), bool_or(event_name = 'first_visit'),
        bool_or(event_name = 'view_item'), bool_or(event_name = 'add_to_cart'),
        bool_or(event_name = 'begin_checkout'), bool_or(event_name = 'purchase')
      FROM day_events GROUP BY day, app_id, client_key`,
      ),
    ),
    loggingRemoved(TABLES.dailyClientValues, deleteTouchedClientDays(TABLES.dailyClientValues)),
    loggingAdded(
      TABLES.dailyClientValues,
      insertWithPrevious(
        TABLES.dailyClientValues,
        ['dimension', 'day', 'app_id', 'value', 'client_key', 'events'],
        VALUE_PREVIOUS,
        `SELECT 'page', day, app_id, coalesce(path, '(none)'), client_key, count(*)
        FROM day_events WHERE event_name = 'page_view' GROUP BY 2, 3, 4, 5
      UNION ALL
      SELECT 'identity_source', day, app_id, coalesce(identity_source, '(none)'), client_key, count(*)
        FROM day_events GROUP BY 2, 3, 4, 5
      UNION ALL
      SELECT x.dimension, e.day, e.app_id, x.value, e.client_key, count(*)
        FROM day_events e JOIN ${TABLES.agentKeys} a ON a.user_agent = coalesce(e.user_agent, '')
        CROSS JOIN LATERAL (VALUES ('browser', a.browser), ('device', a.device)) x (dimension, value)
        GROUP BY 1, 2, 3, 4, 5`,
      ),
    ),
    deleteTouchedClientDays(TABLES.funnelSteps),
    // Step 0 keeps each day's first view_item: a range's earliest is the earliest of those.
    `INSERT INTO ${TABLES.funnelSteps}
      SELECT day, app_id, client_key, 0, min(event_timestamp)
        FROM day_events WHERE event_name = 'view_item' GROUP BY 1, 2, 3
      UNION
      SELECT e.day, e.app_id, e.client_key, ${STEP_NUMBER}, e.event_timestamp
        FROM day_events e WHERE e.event_name IN ('add_to_cart', 'begin_checkout', 'purchase')`,
  ],
};
