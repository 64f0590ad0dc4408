import { once } from 'node:events';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  COPY_STAGE,
  CREATE_STAGE,
  EMPTY_STAGE,
  INSERT_EVENTS,
  INSERT_STAGED,
} from './batch-sql.js';
import { type LineResult, parseCopyLine, parseLine } from './parse-line.js';

/** New rows per source object, as one batch's insert answers them. */
export type LoadedCounts = { source_object: string; n: number }[];

/**
 * How rows reach `clickstream_events`. Both methods end in the same
 * `INSERT ... ON CONFLICT (event_id) DO NOTHING`; they differ in how a batch gets to the
 * server: COPY text into a temporary stage (fast, needs a real server), or one JSON
 * parameter (works through pglite-socket, which breaks on COPY FROM STDIN).
 */
export interface LoadMethod {
  name: 'copy' | 'json';
  /** Runs once per group, inside its transaction, before any batch. */
  prepare(client: ClientBase): Promise<void>;
  /** One raw line to the text this method batches, or the reason to quarantine it. */
  parse(text: string, sourceObject: string): LineResult;
  /** Writes one batch of parsed rows and answers the new rows per object. */
  write(client: ClientBase, rows: string[]): Promise<LoadedCounts>;
}

export const JSON_METHOD: LoadMethod = {
  name: 'json',
  prepare: async () => undefined,
  parse(text, sourceObject) {
    const result = parseLine(text, sourceObject);
    if (!result.ok) return result;
    return { ok: true, text: result.json, day: result.row.event_timestamp.slice(0, 10) };
  },
  async write(client, rows) {
    const result = await client.query<LoadedCounts[number]>(INSERT_EVENTS, [`[${rows.join(',')}]`]);
    return result.rows;
  },
};

// One buffer per connection, reused: a connection's next batch is encoded only once its
// previous COPY has finished (the pipeline runs one job at a time), so the buffer is free
// again; runs on other connections in the same process get their own.
const buffers = new WeakMap<object, Buffer>();

/** Encodes a batch's rows straight into the owner's reused buffer: no joined string. */
export function encodeRows(owner: object, rows: string[]): Buffer {
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

export const COPY_METHOD: LoadMethod = {
  name: 'copy',
  prepare: async (client) => void (await client.query(CREATE_STAGE)),
  parse: parseCopyLine,
  async write(client, rows) {
    const stream = client.query(copyFrom(COPY_STAGE));
    stream.end(encodeRows(client, rows));
    await once(stream, 'finish');
    const result = await client.query<LoadedCounts[number]>(INSERT_STAGED);
    await client.query(EMPTY_STAGE);
    return result.rows;
  },
};

/**
 * The one capability flag: embedded PGlite (behind pglite-socket) cannot take COPY FROM
 * STDIN, every PostgreSQL server can. `forced` lets tests run either method on a server.
 */
export async function loadMethodFor(
  client: ClientBase,
  forced?: LoadMethod['name'],
): Promise<LoadMethod> {
  if (forced) return forced === 'copy' ? COPY_METHOD : JSON_METHOD;
  const result = await client.query<{ pglite: boolean }>(
    "SELECT version() LIKE '%PGlite%' AS pglite",
  );
  return result.rows[0]?.pglite ? JSON_METHOD : COPY_METHOD;
}
