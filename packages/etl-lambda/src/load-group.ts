import type { Readable } from 'node:stream';
import { dayOfKey, type RawObject, type RawStore } from '@clicktrail/raw-store';
import type { ClientBase } from 'pg';
import { CLAIM_OBJECTS, COUNT_OBJECTS } from './batch-sql.js';
import { JSON_METHOD, type LoadMethod } from './load-method.js';
import { loadObjectLines } from './load-object.js';
import { QueryPipeline } from './query-pipeline.js';
import { readObjectLines } from './read-lines.js';
import { type ObjectCounts, RowBatcher } from './row-batcher.js';

export interface GroupResult extends ObjectCounts {
  objects: number;
  /** Objects another run had already claimed. */
  alreadyLoaded: number;
  days: string[];
}

export interface LoadGroupOptions {
  runId: string;
  batchRows?: number;
  /** How batches reach the table (`loadMethodFor`); JSON, which works everywhere, if unset. */
  method?: LoadMethod;
  /** Opens an object's body (the run's prefetcher); `store.get` if unset. */
  open?: (object: RawObject) => Promise<Readable>;
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
    const claimed = await client.query<{ object_key: string }>(CLAIM_OBJECTS, [
      objects.map((object) => object.key),
      objects.map((object) => object.etag),
      objects.map((object) => dayOfKey(object.key)),
      objects.map((object) => object.size),
      options.runId,
    ]);
    const mine = new Set(claimed.rows.map((row) => row.object_key));
    result.alreadyLoaded = objects.length - mine.size;
    const method = options.method ?? JSON_METHOD;
    if (mine.size > 0) await method.prepare(client);
    const pipeline = new QueryPipeline(client);
    const batcher = new RowBatcher(pipeline, method, options.batchRows ?? 2_000);
    for (const object of objects) {
      if (!mine.has(object.key)) continue;
      const body = options.open ? await options.open(object) : await store.get(object.key);
      const lines = readObjectLines(body);
      await loadObjectLines(batcher, method, object.key, lines, days);
    }
    const perObject: [string, ObjectCounts][] = [...(await batcher.finish())];
    await client.query(COUNT_OBJECTS, [
      perObject.map(([key]) => key),
      perObject.map(([, counts]) => counts.loaded),
      perObject.map(([, counts]) => counts.duplicates),
      perObject.map(([, counts]) => counts.quarantined),
    ]);
    for (const [, counts] of perObject) {
      result.objects += 1;
      result.rows += counts.rows;
      result.loaded += counts.loaded;
      result.duplicates += counts.duplicates;
      result.quarantined += counts.quarantined;
    }
    result.days = [...days].sort();
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
