import { dayOfKey, type RawStore } from '@clicktrail/raw-store';
import { TABLES } from '@clicktrail/warehouse';
import type { ClientBase } from 'pg';
import { readObjectLines } from './read-lines.js';

/** `events/…` listing prefixes to the `rejected/…` ones of the same receive days. */
export const rejectedPrefixes = (eventPrefixes: readonly string[]): string[] =>
  eventPrefixes.map((prefix) => prefix.replace(/^events\//, 'rejected/'));

interface Tally {
  events: number;
  attributes: number;
}

/** Lines of one `rejected/` object by kind; an unreadable line is no refused event. */
async function tally(store: RawStore, key: string): Promise<Tally> {
  const counts: Tally = { events: 0, attributes: 0 };
  for await (const item of readObjectLines(await store.get(key))) {
    if (item.kind !== 'line') continue;
    try {
      const kind = (JSON.parse(item.line.text) as { kind?: unknown }).kind;
      if (kind === 'event') counts.events += 1;
      else if (kind === 'attribute') counts.attributes += 1;
    } catch {
      // Not JSON: ingest writes none; nothing to count.
    }
  }
  return counts;
}

/**
 * Counts the events ingest refused (its `rejected/` objects, written beside `events/` for
 * the same receive days) into `etl_rejected_objects`, one row per object, so reruns and
 * concurrent runs count each object once. Answers the refused events newly counted.
 * Requests refused whole (400, 413) carry no events ingest could store: not counted here.
 */
export async function countRejected(
  client: ClientBase,
  store: RawStore,
  eventPrefixes: readonly string[],
  shouldStop: () => boolean = () => false,
): Promise<number> {
  let counted = 0;
  for (const prefix of rejectedPrefixes(eventPrefixes)) {
    const keys: string[] = [];
    for await (const object of store.list(prefix)) {
      if (dayOfKey(object.key)) keys.push(object.key);
    }
    const known = await client.query<{ object_key: string }>(
      `SELECT object_key FROM ${TABLES.rejectedObjects} WHERE object_key = ANY($1)`,
      [keys],
    );
    const have = new Set(known.rows.map((row) => row.object_key));
    for (const key of keys) {
      if (have.has(key)) continue;
      if (shouldStop()) return counted;
      const { events, attributes } = await tally(store, key);
      const inserted = await client.query(
        `INSERT INTO ${TABLES.rejectedObjects} (object_key, receive_day, events, attributes)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [key, dayOfKey(key), events, attributes],
      );
      if (inserted.rowCount === 1) counted += events;
    }
  }
  return counted;
}
