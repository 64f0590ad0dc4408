import { randomBytes } from 'node:crypto';

export type RawKind = 'events' | 'rejected';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `events/YYYY/MM/DD/` for the UTC day of `time`. */
export function dayPrefix(kind: RawKind, time: Date | number): string {
  const d = new Date(time);
  return `${kind}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/`;
}

/**
 * A time-sortable object id: UTC receive time to the millisecond, then randomness so
 * concurrent writers never collide (`20261125T133602123Z-9f86d081884c`).
 */
export function timeSortableId(time: Date | number): string {
  const d = new Date(time);
  const stamp =
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}` +
    `${pad(d.getUTCMilliseconds(), 3)}Z`;
  return `${stamp}-${randomBytes(6).toString('hex')}`;
}

/** `events/YYYY/MM/DD/<time-sortable id>.ndjson.gz`. */
export function rawObjectKey(kind: RawKind, receivedAt: Date | number): string {
  return `${dayPrefix(kind, receivedAt)}${timeSortableId(receivedAt)}.ndjson.gz`;
}

const DAY_IN_KEY = /^(events|rejected)\/(\d{4})\/(\d{2})\/(\d{2})\//;

/** The UTC day (`YYYY-MM-DD`) a raw key belongs to, or null when it is not a raw key. */
export function dayOfKey(key: string): string | null {
  const match = DAY_IN_KEY.exec(key);
  return match ? `${match[2]}-${match[3]}-${match[4]}` : null;
}
