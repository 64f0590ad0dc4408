import type { TABLES } from '../tables/names.js';

/** A table whose rows something counts: the per-client rollups, sessions, their landings. */
type Logged = (typeof TABLES)[keyof typeof TABLES];

/**
 * The rows of `table` this derive removed (sign -1) and wrote (+1), as `<table>_changes`
 * (sign, then the table's columns; dropped at commit): the counts over those rows are kept
 * by adding the changed rows' signed counts, so a derive costs the touched clients' and
 * sessions' rows, not every row of the days it touches.
 */
export const changesOf = (table: Logged) => `${table}_changes`;

export const createChanges = (table: Logged) =>
  `CREATE TEMP TABLE ${changesOf(table)} ON COMMIT DROP AS
    SELECT 0 AS sign, * FROM ${table} WITH NO DATA`;

/** `deletion` (a DELETE of `table` aliased r), logging the rows it removes. */
export const loggingRemoved = (table: Logged, deletion: string) =>
  `WITH gone AS (${deletion} RETURNING r.*)
    INSERT INTO ${changesOf(table)} SELECT -1, * FROM gone`;

/** `insertion` (an INSERT into `table`), logging the rows it writes. */
export const loggingAdded = (table: Logged, insertion: string) =>
  `WITH added AS (${insertion} RETURNING *)
    INSERT INTO ${changesOf(table)} SELECT 1, * FROM added`;

/**
 * `update` (an UPDATE of `table` aliased r whose FROM item x carries the row before as
 * `old_row`, and ending in its WHERE), logging each changed row as its old and new version.
 */
export const loggingUpdated = (table: Logged, update: string) =>
  `WITH changed AS (${update} RETURNING r AS new_row, x.old_row)
    INSERT INTO ${changesOf(table)}
      SELECT -1, (old_row).* FROM changed UNION ALL SELECT 1, (new_row).* FROM changed`;

/**
 * Adds signed counts to the count table `table`, whose primary key is `keys`: `changes`
 * selects the key columns, then one signed term per column of `counts`, per changed row.
 * A key new to the table is inserted; one whose first count falls to 0 is deleted, so the
 * table holds what counting its sources from scratch would.
 */
export const addCounts = (
  table: string,
  keys: readonly string[],
  counts: readonly string[],
  changes: string,
): readonly string[] => {
  const emptied = `${table}_emptied`;
  const keyList = keys.join(', ');
  return [
    `CREATE TEMP TABLE ${emptied} ON COMMIT DROP AS SELECT ${keyList} FROM ${table} WITH NO DATA`,
    `WITH summed AS (
      INSERT INTO ${table} AS t (${keyList}, ${counts.join(', ')})
      SELECT ${keyList}, ${counts.map((c) => `sum(${c})`).join(', ')}
      FROM (${changes}) c (${keyList}, ${counts.join(', ')})
      GROUP BY ${keyList} HAVING ${counts.map((c) => `sum(${c}) <> 0`).join(' OR ')}
      ON CONFLICT (${keyList}) DO UPDATE
        SET ${counts.map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')}
      RETURNING ${keyList}, ${counts[0]} AS remaining)
    INSERT INTO ${emptied} SELECT ${keyList} FROM summed WHERE remaining = 0`,
    `DELETE FROM ${table} t USING ${emptied} e
      WHERE ${keys.map((k) => `t.${k} = e.${k}`).join(' AND ')}`,
  ];
};
