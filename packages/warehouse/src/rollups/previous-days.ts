import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { CLIENT_PREVIOUS, previousColumns, VALUE_PREVIOUS } from './previous.js';
import { touchedClients } from './sql.js';

/**
 * Sets each per-client rollup row's previous day (see migration 12) for every touched
 * client (their rows of other days may have gained a predecessor), writing only rows
 * that change and recording their days; then counts the rows of the affected and changed
 * days by previous day (`daily_first_counts`). Runs after the per-client rollups.
 */
const NONE = `'-infinity'::date`;
const counted = (
  dimension: string,
  value: string,
  table: string,
  prev: { app: string; any: string },
  where = 'true',
) =>
  (['app', 'any'] as const)
    .map(
      (scope) => `SELECT '${dimension}', '${scope}', r.day, r.app_id, ${value},
        coalesce(r.${prev[scope]}, ${NONE}), count(*), sum(r.events)
      FROM ${table} r JOIN counted_days d ON d.app_id = r.app_id AND d.day = r.day
      WHERE ${where} GROUP BY 3, 4, 5, 6`,
    )
    .join('\nUNION ALL\n');

export const PREVIOUS_DAYS_STEP: DeriveStep = {
  name: 'previous days of the per-client rollups, counted',
  tables: [TABLES.dailyFirstCounts],
  statements: [
    `CREATE TEMP TABLE counted_days ON COMMIT DROP AS SELECT app_id, day FROM affected_days`,
    `ALTER TABLE counted_days ADD PRIMARY KEY (app_id, day)`,
    `WITH changed AS (
      UPDATE ${TABLES.dailyClients} r SET prev_day = x.prev_day, prev_day_any = x.prev_day_any,
        prev_first_visit = x.prev_first_visit, prev_first_visit_any = x.prev_first_visit_any,
        first_visit_day = x.first_visit_day, first_visit_day_any = x.first_visit_day_any
      FROM (
        SELECT day, app_id, client_key,
          ${previousColumns(CLIENT_PREVIOUS)}
        FROM ${TABLES.dailyClients} WHERE client_key IN ${touchedClients}
      ) x
      WHERE r.day = x.day AND r.app_id = x.app_id AND r.client_key = x.client_key
        AND (r.prev_day, r.prev_day_any, r.prev_first_visit, r.prev_first_visit_any,
            r.first_visit_day, r.first_visit_day_any)
          IS DISTINCT FROM (x.prev_day, x.prev_day_any, x.prev_first_visit, x.prev_first_visit_any,
            x.first_visit_day, x.first_visit_day_any)
      RETURNING r.app_id, r.day)
    INSERT INTO counted_days SELECT DISTINCT app_id, day FROM changed ON CONFLICT DO NOTHING`,
    `WITH changed AS (
      UPDATE ${TABLES.dailyClientValues} r SET prev_day = x.prev_day, prev_day_any = x.prev_day_any
      FROM (
        SELECT dimension, day, app_id, value, client_key,
          ${previousColumns(VALUE_PREVIOUS)}
        FROM ${TABLES.dailyClientValues} WHERE client_key IN ${touchedClients}
      ) x
      WHERE r.dimension = x.dimension AND r.day = x.day AND r.app_id = x.app_id
        AND r.value = x.value AND r.client_key = x.client_key
        AND (r.prev_day, r.prev_day_any) IS DISTINCT FROM (x.prev_day, x.prev_day_any)
      RETURNING r.app_id, r.day)
    INSERT INTO counted_days SELECT DISTINCT app_id, day FROM changed ON CONFLICT DO NOTHING`,
    `DELETE FROM ${TABLES.dailyFirstCounts} r USING counted_days d
      WHERE r.app_id = d.app_id AND r.day = d.day`,
    `INSERT INTO ${TABLES.dailyFirstCounts}
      ${counted('users', `''`, TABLES.dailyClients, { app: 'prev_day', any: 'prev_day_any' })}
      UNION ALL
      ${counted(
        'new_users',
        `''`,
        TABLES.dailyClients,
        { app: 'prev_first_visit', any: 'prev_first_visit_any' },
        'r.first_visit',
      )}
      UNION ALL
      ${counted(
        'page',
        'r.value',
        TABLES.dailyClientValues,
        { app: 'prev_day', any: 'prev_day_any' },
        `r.dimension = 'page'`,
      )}
      UNION ALL
      ${['identity_source', 'browser', 'device']
        .map((dimension) =>
          counted(
            dimension,
            'r.value',
            TABLES.dailyClientValues,
            { app: 'prev_day', any: 'prev_day_any' },
            `r.dimension = '${dimension}'`,
          ),
        )
        .join('\nUNION ALL\n')}`,
  ],
};
