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
