import { validateRawEvent } from '@clicktrail/sdk/schema';
import { type EventRow, RowError, toEventRow } from './event-row.js';

export type LineResult = { ok: true; row: EventRow } | { ok: false; reason: string };

/** PostgreSQL text cannot hold NUL, and its JSON parser refuses lone surrogates. */
function unstorable(value: unknown): boolean {
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

/**
 * One line of a raw object to its row, or the reason it goes to quarantine.
 * Pure: JSON parse, the shared schema check, the row mapping, storability.
 */
export function parseLine(text: string, sourceObject: string): LineResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const checked = validateRawEvent(parsed);
  if (!checked.ok) return { ok: false, reason: `schema: ${checked.reason}` };
  try {
    const row = toEventRow(checked.event, sourceObject);
    if (unstorable(row)) {
      return { ok: false, reason: 'a NUL character or lone surrogate PostgreSQL cannot store' };
    }
    return { ok: true, row };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, reason: error.message };
    throw error;
  }
}
