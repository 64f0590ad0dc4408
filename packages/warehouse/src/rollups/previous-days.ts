import type { DeriveStep } from '../derive/steps.js';
import { TABLES } from '../tables/names.js';
import { CLIENT_PREVIOUS, previousColumns, VALUE_PREVIOUS } from './previous.js';
import { addCounts, changesOf, loggingUpdated } from './row-changes.js';
import { touchedClients } from './sql.js';

/**
 * Sets each per-client rollup row's previous day (see migration 12) for every touched
 * client (their rows of other days may have gained a predecessor), writing and logging only
 * rows that change; then adds the logged changes of the per-client rows to their counts by
 * day and previous day (`daily_first_counts`). Runs after the per-client rollups.
 */
const NONE = `'-infinity'::date`;
const counted = (
  dimension: string,
  value: string,
  table: typeof TABLES.dailyClients | typeof TABLES.dailyClientValues,
  prev: { app: string; any: string },
  where = 'true',
) =>
  (['app', 'any'] as const)
    .map(
      (scope) => `SELECT '${dimension}', '${scope}', r.day, r.app_id, ${value},
        coalesce(r.${prev[scope]}, ${NONE}), r.sign, r.sign * r.events
      FROM ${changesOf(table)} r WHERE ${where}`,
    )
    .join('\nUNION ALL\n');

const CLIENT_COLUMNS = CLIENT_PREVIOUS.map(([column]) => column);
const VALUE_COLUMNS = VALUE_PREVIOUS.map(([column]) => column);
const differ = (columns: readonly string[]) =>
  `(${columns.map((c) => `r.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `x.${c}`).join(', ')})`;
const setAll = (columns: readonly string[]) => columns.map((c) => `${c} = x.${c}`).join(', ');

export const PREVIOUS_DAYS_STEP: DeriveStep = {
  name: 'previous days of the per-client rollups, counted',
  tables: [TABLES.dailyFirstCounts],
  statements: [
    loggingUpdated(
      TABLES.dailyClients,
      `UPDATE ${TABLES.dailyClients} r SET ${setAll(CLIENT_COLUMNS)}
      FROM (
        SELECT o AS old_row, day, app_id, client_key,
          ${previousColumns(CLIENT_PREVIOUS)}
        FROM ${TABLES.dailyClients} o WHERE client_key IN ${touchedClients}
      ) x
      WHERE r.day = x.day AND r.app_id = x.app_id AND r.client_key = x.client_key
        AND ${differ(CLIENT_COLUMNS)}`,
    ),
    loggingUpdated(
      TABLES.dailyClientValues,
      `UPDATE ${TABLES.dailyClientValues} r SET ${setAll(VALUE_COLUMNS)}
      FROM (
        SELECT o AS old_row, dimension, day, app_id, value, client_key,
          ${previousColumns(VALUE_PREVIOUS)}
        FROM ${TABLES.dailyClientValues} o WHERE client_key IN ${touchedClients}
      ) x
      WHERE r.dimension = x.dimension AND r.day = x.day AND r.app_id = x.app_id
        AND r.value = x.value AND r.client_key = x.client_key AND ${differ(VALUE_COLUMNS)}`,
    ),
    ...addCounts(
      TABLES.dailyFirstCounts,
      ['dimension', 'scope', 'day', 'app_id', 'value', 'prev_day'],
      ['clients', 'events'],
      `${counted('users', `''`, TABLES.dailyClients, { app: 'prev_day', any: 'prev_day_any' })}
      UNION ALL
      ${counted(
        'new_users',
        `''`,
        TABLES.dailyClients,
        { app: 'prev_first_visit', any: 'prev_first_visit_any' },
        'r.first_visit',
      )}
      UNION ALL
      ${['page', 'identity_source', 'browser', 'device']
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
    ),
  ],
};
