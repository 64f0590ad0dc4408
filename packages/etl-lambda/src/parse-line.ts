import { type RawEvent, validateRawEvent } from '@clicktrail/sdk/schema';
import type { EventRow } from '@clicktrail/warehouse';
import { RowError, UNSTORABLE_REASON, unstorable } from './column-values.js';
import { copyText, toCopyLine } from './copy-text.js';
import { toEventRow } from './event-row.js';

export type RowResult = { ok: true; row: EventRow; json: string } | { ok: false; reason: string };
/** A line as the text its load method batches (JSON or COPY), with the event's UTC day. */
export type LineResult = { ok: true; text: string; day: string } | { ok: false; reason: string };
type Checked = { ok: true; event: RawEvent } | { ok: false; reason: string };

/** JSON parse and the shared schema check, with the reason a line fails either. */
function checkLine(text: string): Checked {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const checked = validateRawEvent(parsed);
  return checked.ok ? checked : { ok: false, reason: `schema: ${checked.reason}` };
}

/**
 * One line of a raw object to its row (and the row's JSON for the batch), or the reason it
 * goes to quarantine. Pure: JSON parse, the shared schema check, the row mapping, storability.
 */
export function parseLine(text: string, sourceObject: string): RowResult {
  const checked = checkLine(text);
  if (!checked.ok) return checked;
  try {
    const row = toEventRow(checked.event, sourceObject);
    const json = JSON.stringify(row);
    // JSON.stringify writes NUL as \u0000 and a lone surrogate as \udXXX: a cheap scan
    // finds every candidate, and only those pay for the exact walk.
    if ((json.includes('\\u0000') || json.includes('\\ud')) && unstorable(row)) {
      return { ok: false, reason: UNSTORABLE_REASON };
    }
    return { ok: true, row, json };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, reason: error.message };
    throw error;
  }
}

// An object's lines come one after another: escape its key once, not per row.
let lastSource = '';
let lastEscapedSource = '';

/**
 * One line to its COPY text row, or the reason it goes to quarantine: the same checks as
 * `parseLine`, without building the row object or its JSON.
 */
export function parseCopyLine(text: string, sourceObject: string): LineResult {
  const checked = checkLine(text);
  if (!checked.ok) return checked;
  // JSON can only carry a NUL or a lone surrogate as a \u escape, so a line without one
  // skips the walk; the walk covers the validated event, i.e. exactly what is stored.
  if (text.includes('\\u') && unstorable(checked.event)) {
    return { ok: false, reason: UNSTORABLE_REASON };
  }
  try {
    if (sourceObject !== lastSource) {
      lastSource = sourceObject;
      lastEscapedSource = copyText(sourceObject);
    }
    const { line, day } = toCopyLine(checked.event, lastEscapedSource, text);
    return { ok: true, text: line, day };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, reason: error.message };
    throw error;
  }
}
