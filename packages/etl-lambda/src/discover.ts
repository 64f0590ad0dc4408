import { dayOfKey, type RawObject, type RawStore } from '@clicktrail/raw-store';
import type { ClientBase } from 'pg';
import { checkRawKey } from './raw-key.js';

export interface PendingDay {
  day: string;
  /** Listed objects the ledger lacks, in key order. */
  objects: RawObject[];
  /** Objects listed for the day, loaded or not. */
  listed: number;
  /** False when the deadline stopped the listing inside this day. */
  whole: boolean;
}

export interface DiscoverOptions {
  /** Called for a listed key that is no raw object key; it is not loaded. */
  onSkip?: (key: string, reason: string) => void;
  /** Checked between days and every `STOP_CHECK_EVERY` keys: true ends the listing. */
  shouldStop?: () => boolean;
}

const STOP_CHECK_EVERY = 1_000;

async function loadedKeys(client: ClientBase, day: string): Promise<Set<string>> {
  const result = await client.query<{ object_key: string }>(
    'SELECT object_key FROM etl_loaded_objects WHERE receive_day = $1',
    [day],
  );
  return new Set(result.rows.map((row) => row.object_key));
}

/** `events/YYYY/MM/DD/` to its day, or null for a wider prefix (`events/`). */
const dayOfPrefix = (prefix: string) =>
  /^events\/\d{4}\/\d{2}\/\d{2}\/$/.test(prefix) ? dayOfKey(prefix) : null;

/**
 * Yields, day by day in key order, what the listing of each day found and which of its
 * objects the ledger lacks; a day prefix that lists nothing still yields its (empty) day.
 * Memory holds one day's keys at a time. Objects are compared by key against the ledger,
 * never by a watermark, so a late writer whose key sorts before loaded keys is still
 * found. A key that is no raw object key (`checkRawKey`) goes to `onSkip`.
 */
export async function* pendingObjects(
  client: ClientBase,
  store: RawStore,
  prefixes: readonly string[],
  options: DiscoverOptions = {},
): AsyncGenerator<PendingDay> {
  const stop = options.shouldStop ?? (() => false);
  let day: string | null = null;
  let listed: RawObject[] = [];
  const finish = async (whole: boolean): Promise<PendingDay | null> => {
    if (day === null) return null;
    const have = listed.length > 0 ? await loadedKeys(client, day) : new Set<string>();
    const objects = listed.filter((object) => !have.has(object.key));
    const pending = { day, objects, listed: listed.length, whole };
    listed = [];
    day = null;
    return pending;
  };
  for (const prefix of prefixes) {
    if (stop()) return;
    let seen = 0;
    const prefixDay = dayOfPrefix(prefix);
    for await (const object of store.list(prefix)) {
      seen += 1;
      if (seen % STOP_CHECK_EVERY === 0 && stop()) {
        const partial = await finish(false);
        if (partial) yield partial;
        return;
      }
      const checked = checkRawKey(object.key);
      if (!checked.ok) {
        options.onSkip?.(object.key, checked.reason);
        continue;
      }
      if (checked.day !== day) {
        const done = await finish(true);
        if (done) yield done;
        day = checked.day;
      }
      listed.push(object);
    }
    const done = await finish(true);
    if (done) yield done;
    else if (prefixDay) yield { day: prefixDay, objects: [], listed: 0, whole: true };
  }
}

/** Receive time of a key's time-sortable id (`20261125T133602123Z-…`), else its day. */
export function receivedAtOfKey(key: string): number | null {
  const id = /\/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z[^/]*$/.exec(key);
  if (id) {
    const [, y, mo, d, h, mi, s, ms] = id.map(Number) as number[];
    return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
  }
  const day = dayOfKey(key);
  return day ? Date.parse(`${day}T00:00:00Z`) : null;
}
