import type { ClientBase } from 'pg';
import { EXCERPT_CHARS, INSERT_EVENTS, INSERT_QUARANTINE } from './batch-sql.js';
import { parseLine } from './parse-line.js';
import type { ObjectItem } from './read-lines.js';

const QUARANTINE_BATCH = 500;

export interface ObjectCounts {
  rows: number;
  loaded: number;
  duplicates: number;
  quarantined: number;
}

export interface LoadObjectOptions {
  /** Rows per INSERT; big enough to amortise a round trip, small enough to keep memory flat. */
  batchRows: number;
  /** Event days (UTC) seen, for the derived-model rebuild. */
  days: Set<string>;
}

/**
 * Streams one object's lines into the open transaction. While PostgreSQL inserts one
 * batch, the next is parsed (one batch in flight), so both cores stay busy.
 */
export async function loadObjectLines(
  client: ClientBase,
  key: string,
  items: AsyncIterable<ObjectItem>,
  options: LoadObjectOptions,
): Promise<ObjectCounts> {
  const counts: ObjectCounts = { rows: 0, loaded: 0, duplicates: 0, quarantined: 0 };
  const quarantine: { object_key: string; line_number: number; reason: string; excerpt: string }[] =
    [];
  let batch: string[] = [];
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (batch.length === 0) return;
    const json = `[${batch.join(',')}]`;
    const size = batch.length;
    batch = [];
    await inFlight;
    inFlight = client.query(INSERT_EVENTS, [json]).then((result) => {
      counts.loaded += result.rowCount ?? 0;
      counts.duplicates += size - (result.rowCount ?? 0);
    });
    // Rejections are awaited below; this only keeps Node from calling them unhandled.
    inFlight.catch(() => undefined);
  };

  const flushQuarantine = async () => {
    if (quarantine.length === 0) return;
    await client.query(INSERT_QUARANTINE, [JSON.stringify(quarantine)]);
    counts.quarantined += quarantine.length;
    quarantine.length = 0;
  };

  for await (const item of items) {
    if (quarantine.length >= QUARANTINE_BATCH) await flushQuarantine();
    if (item.kind === 'broken') {
      quarantine.push({
        object_key: key,
        line_number: item.lineNumber,
        reason: item.reason,
        excerpt: item.excerpt.slice(0, EXCERPT_CHARS),
      });
      continue;
    }
    const result = parseLine(item.line.text, key);
    if (!result.ok) {
      quarantine.push({
        object_key: key,
        line_number: item.line.lineNumber,
        reason: result.reason,
        excerpt: item.line.text.slice(0, EXCERPT_CHARS),
      });
      continue;
    }
    counts.rows += 1;
    options.days.add(result.row.event_timestamp.slice(0, 10));
    batch.push(JSON.stringify(result.row));
    if (batch.length >= options.batchRows) await flush();
  }
  await flush();
  await inFlight;
  await flushQuarantine();
  return counts;
}
