import type { TABLES } from '../tables/names.js';
import { touchedClients } from './sql.js';

/**
 * The previous-day columns of the per-client rollups (see migration 12), as window
 * expressions over a client's rows of one table: the clients step writes new rows with
 * them already set, and the previous-days step recomputes them over all the touched
 * clients' rows, writing only those that differ (rows of other days that gained a
 * predecessor). One definition, so the two always agree.
 */
const prior = (partition: string, order: string, filter = '') =>
  `max(day) ${filter} OVER (PARTITION BY ${partition} ORDER BY ${order}
    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;

type Previous = readonly (readonly [column: string, expression: string])[];

export const CLIENT_PREVIOUS: Previous = [
  ['prev_day', prior('app_id, client_key', 'day')],
  ['prev_day_any', prior('client_key', 'day, app_id')],
  ['prev_first_visit', prior('app_id, client_key', 'day', 'FILTER (WHERE first_visit)')],
  ['prev_first_visit_any', prior('client_key', 'day, app_id', 'FILTER (WHERE first_visit)')],
  ['first_visit_day', 'min(day) FILTER (WHERE first_visit) OVER (PARTITION BY app_id, client_key)'],
  ['first_visit_day_any', 'min(day) FILTER (WHERE first_visit) OVER (PARTITION BY client_key)'],
];
export const VALUE_PREVIOUS: Previous = [
  ['prev_day', prior('dimension, value, app_id, client_key', 'day')],
  ['prev_day_any', prior('dimension, value, client_key', 'day, app_id')],
];

export const previousColumns = (previous: Previous) =>
  previous.map(([column, expression]) => `${expression} AS ${column}`).join(',\n');

/**
 * INSERT of a per-client rollup's `fresh` rows (a SELECT of `columns`, in order) with their
 * previous days set, computed over them and the touched clients' rows already in `table`
 * (those of other days), so that on a derive from scratch the previous-days step has
 * nothing to rewrite.
 */
export const insertWithPrevious = (
  table: (typeof TABLES)[keyof typeof TABLES],
  columns: readonly string[],
  previous: Previous,
  fresh: string,
) => {
  const list = columns.join(', ');
  const prevList = previous.map(([column]) => column).join(', ');
  return `INSERT INTO ${table} (${list}, ${prevList})
    SELECT ${list}, ${prevList} FROM (
      SELECT u.*, ${previousColumns(previous)}
      FROM (
        SELECT true AS fresh, f.* FROM (${fresh}) f (${list})
        UNION ALL
        SELECT false, ${list} FROM ${table} WHERE client_key IN ${touchedClients}
      ) u
    ) x
    WHERE fresh`;
};
