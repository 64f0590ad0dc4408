/**
 * Checks shared by both load methods (JSON batches and COPY text) for values the schema
 * accepts but a column cannot hold: such a line is quarantined instead of failing the
 * whole group's statement, which would fail again on every rerun.
 */

/** A value PostgreSQL cannot store as given (a NUL character, a date out of range). */
export class RowError extends Error {
  override name = 'RowError';
}

/** Epoch ms to ISO text; a time JavaScript cannot represent goes to quarantine. */
export function iso(ms: number, field: string): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new RowError(`${field}: ${ms} is not a storable time`);
  return date.toISOString();
}

const DAY_MS = 86_400_000;
/** The end of year 9999: up to it, ISO text is `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
const LAST_PLAIN_YEAR_MS = 253_402_300_799_999;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
let cachedDay = Number.NaN;
let cachedPrefix = '';

/**
 * `iso` for the hot path: a row's four times share a day, and a batch's rows mostly do,
 * so the date part is formatted once per day and the time of day by arithmetic, without
 * a Date per value. Anything unusual (fractional, negative, past year 9999) takes `iso`.
 */
export function isoFast(ms: number, field: string): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > LAST_PLAIN_YEAR_MS) return iso(ms, field);
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    cachedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const milli = rest - seconds * 1000;
  const millis = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  return `${cachedPrefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millis}Z`;
}

/** The schema allows any safe integer; the column is a PostgreSQL integer. */
export function int4(value: number, field: string): number {
  if (value > 2_147_483_647) {
    throw new RowError(`${field}: ${value} does not fit an integer column`);
  }
  return value;
}

/** PostgreSQL text cannot hold NUL, and its JSON parser refuses lone surrogates. */
export function unstorable(value: unknown): boolean {
  if (typeof value === 'string') {
    return (
      value.includes('\u0000') || !(value as unknown as { isWellFormed(): boolean }).isWellFormed()
    );
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (unstorable(key) || unstorable(inner)) return true;
    }
  }
  return false;
}

export const UNSTORABLE_REASON = 'a NUL character or lone surrogate PostgreSQL cannot store';
