import { dayOfKey, type RawObject, type RawStore } from '@clicktrail/raw-store';
import type { ClientBase } from 'pg';
import { CLAIM_OBJECT, COUNT_OBJECT, MARK_DIRTY_DAYS } from './batch-sql.js';
import { loadObjectLines, type ObjectCounts } from './load-object.js';
import { readObjectLines } from './read-lines.js';

export interface GroupResult extends ObjectCounts {
  objects: number;
  /** Objects another run had already claimed. */
  alreadyLoaded: number;
  days: string[];
}

export interface LoadGroupOptions {
  runId: string;
  batchRows?: number;
  /** Test seam: runs inside the transaction, just before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

export class LoadError extends Error {
  override name = 'LoadError';
}

/**
 * Loads a group of objects in one transaction: claim each in the ledger, stream its rows in,
 * record counts and dirty days, commit. A failure anywhere rolls the whole group back, so a
 * rerun finds it unloaded; a claim that finds the key already there skips the object.
 */
export async function loadGroup(
  client: ClientBase,
  store: RawStore,
  objects: readonly RawObject[],
  options: LoadGroupOptions,
): Promise<GroupResult> {
  const result: GroupResult = {
    objects: 0,
    alreadyLoaded: 0,
    rows: 0,
    loaded: 0,
    duplicates: 0,
    quarantined: 0,
    days: [],
  };
  const days = new Set<string>();
  await client.query('BEGIN');
  try {
    for (const object of objects) {
      const claim = await client.query(CLAIM_OBJECT, [
        object.key,
        object.etag,
        dayOfKey(object.key),
        object.size,
        options.runId,
      ]);
      if (claim.rowCount === 0) {
        result.alreadyLoaded += 1;
        continue;
      }
      const lines = readObjectLines(await store.get(object.key));
      const counts = await loadObjectLines(client, object.key, lines, {
        batchRows: options.batchRows ?? 2_000,
        days,
      });
      await client.query(COUNT_OBJECT, [
        object.key,
        counts.loaded,
        counts.duplicates,
        counts.quarantined,
      ]);
      result.objects += 1;
      result.rows += counts.rows;
      result.loaded += counts.loaded;
      result.duplicates += counts.duplicates;
      result.quarantined += counts.quarantined;
    }
    result.days = [...days].sort();
    if (result.days.length > 0) await client.query(MARK_DIRTY_DAYS, [result.days]);
    await options.beforeCommit?.();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error instanceof LoadError
      ? error
      : new LoadError(`loading ${objects.length} object(s) failed: ${(error as Error).message}`, {
          cause: error,
        });
  }
}
