import { once } from 'node:events';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  COPY_EVENTS,
  COPY_STAGE,
  CREATE_STAGE,
  EMPTY_STAGE,
  EXISTING_EVENT_IDS,
  INSERT_STAGED,
} from './batch-sql.js';
import { unescapeCopyText } from './copy-text.js';
import type { LoadedCounts, StagedRows } from './load-method.js';

// One buffer per connection, reused: a connection's next batch is encoded only once its
// previous COPY has finished (the pipeline runs one job at a time), so the buffer is free
// again; runs on other connections in the same process get their own.
const buffers = new WeakMap<object, Buffer>();

/** Encodes a batch's rows straight into the owner's reused buffer: no joined string. */
export function encodeRows(owner: object, rows: readonly string[]): Buffer {
  let buffer = buffers.get(owner) ?? Buffer.alloc(1 << 20);
  let offset = 0;
  for (const row of rows) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (offset + row.length * 3 > buffer.length) {
      const grown = Buffer.alloc(Math.max(buffer.length * 2, offset + row.length * 3));
      buffer.copy(grown, 0, 0, offset);
      buffer = grown;
    }
    offset += buffer.write(row, offset);
  }
  buffers.set(owner, buffer);
  return buffer.subarray(0, offset);
}

async function copyRows(client: ClientBase, sql: string, rows: readonly string[]): Promise<void> {
  const stream = client.query(copyFrom(sql));
  stream.end(encodeRows(client, rows));
  await once(stream, 'finish');
}

/** A COPY row's first field, `event_id` (the schema allows no character COPY escapes). */
const idField = (row: string): string => {
  const tab = row.indexOf('\t');
  return tab < 0 ? row.replace(/\n$/, '') : row.slice(0, tab);
};

/**
 * The rows of a batch that can go straight in: the first of each event id (as
 * `INSERT … ON CONFLICT DO NOTHING` keeps the first), less the ids already in the table.
 * Ids are compared as their COPY fields, which PostgreSQL reads back to equal values.
 */
async function newRows(client: ClientBase, batch: StagedRows): Promise<StagedRows> {
  const first = new Map<string, number>();
  for (const [i, row] of batch.texts.entries()) {
    const id = idField(row);
    if (!first.has(id)) first.set(id, i);
  }
  const result = await client.query<{ event_id: string }>(EXISTING_EVENT_IDS, [
    [...first.keys()].map(unescapeCopyText),
  ]);
  const existing = new Set(result.rows.map((row) => row.event_id));
  const fresh: StagedRows = { texts: [], keys: [], lineNumbers: [] };
  for (const [id, i] of first) {
    if (existing.has(unescapeCopyText(id))) continue;
    fresh.texts.push(batch.texts[i]!);
    fresh.keys.push(batch.keys[i]!);
    fresh.lineNumbers.push(batch.lineNumbers[i]!);
  }
  return fresh;
}

function countByObject(keys: readonly string[]): LoadedCounts {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([source_object, n]) => ({ source_object, n }));
}

const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown })?.code === '23505';

const SAVEPOINT = 'etl_copy';

/**
 * The COPY method's write. Staging every batch and moving it with `INSERT … ON CONFLICT`
 * wrote each row twice (and the move cost ~3x the COPY, ~13.5 against ~4.5 µs a row); here a batch's new rows (known in
 * Node, after one primary-key lookup) are COPYed straight into `clickstream_events`, so the
 * statement trigger sees them as it saw the `INSERT`, and the counts per object are the rows
 * sent. The run lock keeps other loaders out, but any writer may commit one of those ids
 * after the lookup: the COPY then fails with a unique violation, and that batch is rolled
 * back to its savepoint and takes the staged path, which skips what is already there.
 */
export async function writeByCopy(client: ClientBase, batch: StagedRows): Promise<LoadedCounts> {
  const rows = await newRows(client, batch);
  if (rows.texts.length === 0) return [];
  // Queued together, not one after the other: on a busy machine every answer Node waits
  // for costs a wake-up of both processes. After a failed COPY the RELEASE fails too.
  const [savepoint, copied, released] = await Promise.allSettled([
    client.query(`SAVEPOINT ${SAVEPOINT}`),
    copyRows(client, COPY_EVENTS, rows.texts),
    client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`),
  ]);
  if (savepoint.status === 'rejected') throw savepoint.reason;
  if (copied.status === 'rejected') {
    if (!isUniqueViolation(copied.reason)) throw copied.reason;
    await client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    return writeStaged(client, rows.texts);
  }
  if (released.status === 'rejected') throw released.reason;
  return countByObject(rows.keys);
}

/** COPY into the group's stage, then `INSERT … ON CONFLICT DO NOTHING` from it. */
async function writeStaged(client: ClientBase, rows: readonly string[]): Promise<LoadedCounts> {
  await client.query(CREATE_STAGE);
  await copyRows(client, COPY_STAGE, rows);
  const result = await client.query<LoadedCounts[number]>(INSERT_STAGED);
  await client.query(EMPTY_STAGE);
  return result.rows;
}
