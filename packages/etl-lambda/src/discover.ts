import { dayOfKey, dayPrefix, type RawObject, type RawStore } from '@clicktrail/raw-store';
import type { ClientBase } from 'pg';
import { checkRawKey } from './raw-key.js';

export interface PendingDay {
  day: string;
  objects: RawObject[];
}

const DAY_MS = 86_400_000;

/** Full scan: `events/`; otherwise yesterday and today, where late writers still land. */
export function scanPrefixes(fullScan: boolean, now: number): string[] {
  if (fullScan) return ['events/'];
  return [dayPrefix('events', now - DAY_MS), dayPrefix('events', now)];
}

async function loadedKeys(client: ClientBase, day: string): Promise<Set<string>> {
  const result = await client.query<{ object_key: string }>(
    'SELECT object_key FROM etl_loaded_objects WHERE receive_day = $1',
    [day],
  );
  return new Set(result.rows.map((row) => row.object_key));
}

/**
 * Yields, day by day in key order, the raw objects the ledger lacks. Memory holds one day's
 * keys at a time. Objects are compared by key against the ledger, never by a watermark, so
 * a late writer whose key sorts before already loaded keys is still found. A key that is no
 * raw object key (`checkRawKey`) goes to `onSkip` instead of the ledger.
 */
export async function* pendingObjects(
  client: ClientBase,
  store: RawStore,
  prefixes: readonly string[],
  onSkip: (key: string, reason: string) => void = () => undefined,
): AsyncGenerator<PendingDay> {
  let day: string | null = null;
  let listed: RawObject[] = [];
  const emit = async (): Promise<PendingDay | null> => {
    if (day === null || listed.length === 0) return null;
    const have = await loadedKeys(client, day);
    const objects = listed.filter((object) => !have.has(object.key));
    listed = [];
    return objects.length > 0 ? { day, objects } : null;
  };
  for (const prefix of prefixes) {
    for await (const object of store.list(prefix)) {
      const checked = checkRawKey(object.key);
      if (!checked.ok) {
        onSkip(object.key, checked.reason);
        continue;
      }
      const objectDay = checked.day;
      if (objectDay !== day) {
        const pending = await emit();
        if (pending) yield pending;
        day = objectDay;
      }
      listed.push(object);
    }
  }
  const pending = await emit();
  if (pending) yield pending;
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
