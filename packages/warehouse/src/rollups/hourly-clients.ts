import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { deleteTouchedClientDays } from './sql.js';

/**
 * `hourly_clients` (see migration 18) for the touched clients on the affected days, from
 * `day_events`: the hour is the event's local hour in the reporting time zone, which the
 * derive has set (a day that repeats an hour when clocks go back counts it once, as the
 * dashboard's hourly buckets do).
 */
export const HOURLY_CLIENTS_STEP: DeriveStep = {
  name: 'clients per local hour',
  tables: [TABLES.hourlyClients],
  statements: [
    deleteTouchedClientDays(TABLES.hourlyClients),
    `INSERT INTO ${TABLES.hourlyClients}
      SELECT day, app_id, client_key, extract(hour FROM event_timestamp)::smallint, count(*),
        count(*) FILTER (WHERE event_name = 'page_view')
      FROM day_events GROUP BY 1, 2, 3, 4`,
  ],
};
