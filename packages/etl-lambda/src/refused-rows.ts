import type { ClientBase } from 'pg';
import type { LoadedCounts, LoadMethod, StagedRows } from './load-method.js';

export interface RefusedRow {
  key: string;
  lineNumber: number;
  text: string;
  reason: string;
}

/**
 * PostgreSQL's classes for "this value cannot go in": data exceptions (22), integrity
 * violations (23), program limits such as an oversized index row (54). Anything else (a
 * lost connection, a missing table) is not the row's fault and must fail the group.
 */
export function isRowError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}

const SAVEPOINT = 'etl_batch';

/**
 * Writes a batch inside a savepoint. When the server refuses it for a value's sake, the
 * batch is rolled back to the savepoint and split in halves until the refused rows stand
 * alone; those are handed to `refuse` and everything else loads. The checks before the
 * batch catch every case we know; this is the net for the ones we do not, so that no value
 * can fail its group on every rerun. A clean batch costs one extra round trip (the RELEASE).
 */
export async function writeGuarded(
  client: ClientBase,
  method: LoadMethod,
  rows: StagedRows,
  refuse: (row: RefusedRow) => void,
): Promise<LoadedCounts> {
  try {
    // The savepoint travels with the write's first statement instead of a round trip ahead.
    const [, counts] = await Promise.all([
      client.query(`SAVEPOINT ${SAVEPOINT}`),
      method.write(client, rows),
    ]);
    await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    return counts;
  } catch (error) {
    if (!isRowError(error)) throw error;
    await client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    if (rows.texts.length === 1) {
      refuse({
        key: rows.keys[0]!,
        lineNumber: rows.lineNumbers[0]!,
        text: rows.texts[0]!,
        reason: `refused by PostgreSQL: ${(error as Error).message}`,
      });
      return [];
    }
    const half = Math.ceil(rows.texts.length / 2);
    const slice = (from: number, to?: number): StagedRows => ({
      texts: rows.texts.slice(from, to),
      keys: rows.keys.slice(from, to),
      lineNumbers: rows.lineNumbers.slice(from, to),
    });
    return [
      ...(await writeGuarded(client, method, slice(0, half), refuse)),
      ...(await writeGuarded(client, method, slice(half), refuse)),
    ];
  }
}
