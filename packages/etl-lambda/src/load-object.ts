import { EXCERPT_CHARS, INSERT_EVENTS, INSERT_QUARANTINE } from './batch-sql.js';
import { parseLine } from './parse-line.js';
import type { QueryPipeline } from './query-pipeline.js';
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
 * Streams one object's lines into the open transaction through the pipeline. Returns once
 * every batch is sent; the counts are final after `pipeline.drain()`.
 */
export async function loadObjectLines(
  pipeline: QueryPipeline,
  key: string,
  items: AsyncIterable<ObjectItem>,
  options: LoadObjectOptions,
): Promise<ObjectCounts> {
  const counts: ObjectCounts = { rows: 0, loaded: 0, duplicates: 0, quarantined: 0 };
  const quarantine: { object_key: string; line_number: number; reason: string; excerpt: string }[] =
    [];
  let batch: string[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const size = batch.length;
    const json = `[${batch.join(',')}]`;
    batch = [];
    await pipeline.send(INSERT_EVENTS, [json], (result) => {
      counts.loaded += result.rowCount ?? 0;
      counts.duplicates += size - (result.rowCount ?? 0);
    });
  };

  const flushQuarantine = async () => {
    if (quarantine.length === 0) return;
    const size = quarantine.length;
    await pipeline.send(INSERT_QUARANTINE, [JSON.stringify(quarantine.splice(0))], () => {
      counts.quarantined += size;
    });
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
    batch.push(result.json);
    if (batch.length >= options.batchRows) await flush();
  }
  await flush();
  await flushQuarantine();
  return counts;
}
