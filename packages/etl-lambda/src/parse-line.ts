import { validateRawEvent } from '@clicktrail/sdk/schema';
import { type EventRow, RowError, toEventRow } from './event-row.js';

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

export type RowResult = { ok: true; row: EventRow; json: string } | { ok: false; reason: string };

/**
 * One line of a raw object to its row (and the row's JSON for the batch), or the reason it
 * goes to quarantine. Pure: JSON parse, the shared schema check, the row mapping, storability.
 */
export function parseLine(text: string, sourceObject: string): RowResult {
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
    const json = JSON.stringify(row);
    // JSON.stringify writes NUL as \u0000 and a lone surrogate as \udXXX: a cheap scan
    // finds every candidate, and only those pay for the exact walk.
    if ((json.includes('\\u0000') || json.includes('\\ud')) && unstorable(row)) {
      return { ok: false, reason: 'a NUL character or lone surrogate PostgreSQL cannot store' };
    }
    return { ok: true, row, json };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, reason: error.message };
    throw error;
  }
}
