import type { ClientBase } from 'pg';
import { INSERT_EVENTS } from './batch-sql.js';
import { writeByCopy } from './copy-write.js';
import { type LineResult, parseCopyLine, parseLine } from './parse-line.js';

/** New rows per source object, as one batch's insert answers them. */
export type LoadedCounts = { source_object: string; n: number }[];

/** One batch: each row's text (as its method parses it) and where it came from. */
export interface StagedRows {
  texts: string[];
  keys: string[];
  lineNumbers: number[];
}

/**
 * How rows reach `clickstream_events`, each row once whatever repeats: COPY text of the
 * batch's new rows straight into the table (fast, needs a real server, `copy-write.ts`), or
 * one JSON parameter expanded by `INSERT ... ON CONFLICT (event_id) DO NOTHING` (works
 * through pglite-socket, which breaks on COPY FROM STDIN).
 */
export interface LoadMethod {
  name: 'copy' | 'json';
  /** Runs once per group, inside its transaction, before any batch. */
  prepare(client: ClientBase): Promise<void>;
  /** One raw line to the text this method batches, or the reason to quarantine it. */
  parse(text: string, sourceObject: string): LineResult;
  /** Writes one batch of parsed rows and answers the new rows per object. */
  write(client: ClientBase, rows: StagedRows): Promise<LoadedCounts>;
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
    const result = await client.query<LoadedCounts[number]>(INSERT_EVENTS, [
      `[${rows.texts.join(',')}]`,
    ]);
    return result.rows;
  },
};

export const COPY_METHOD: LoadMethod = {
  name: 'copy',
  // The stage of the rare fallback is created when a batch needs it.
  prepare: async () => undefined,
  parse: parseCopyLine,
  write: writeByCopy,
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
