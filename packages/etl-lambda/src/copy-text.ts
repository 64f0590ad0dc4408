import type { RawEvent } from '@clicktrail/sdk/schema';
import { EVENT_COLUMNS, type EventColumn } from '@clicktrail/warehouse';
import { int4, isoFast } from './column-values.js';

// COPY's text format ends a field at a tab and a row at a newline, and reads backslash
// sequences: those four characters are the only ones a value must escape.
const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const escapeChar = (char: string): string => ESCAPES[char]!;

/** One text value as a COPY text field. Most values need nothing, so test before replacing. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, escapeChar) : value;
}

const UNESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t' };

/** The value of a field `copyText` wrote (the inverse of its four escapes). */
export function unescapeCopyText(field: string): string {
  return field.includes('\\')
    ? field.replace(/\\(.)/g, (_, char: string) => UNESCAPES[char] ?? char)
    : field;
}

/**
 * Set per row by `toCopyLine`: a JSON line without a backslash cannot decode to a string
 * holding a backslash, tab, newline or CR (JSON writes those only as escapes), so its
 * values skip the per-field test. One scan of the line instead of one per field.
 */
let field = copyText;
const asIs = (value: string): string => value;

// `\N` is COPY's NULL; a value "\N" is escaped to `\\N` by `copyText`. Product fields
// the schema leaves out are undefined, stored as NULL as the JSON path does.
const text = (value: string | null | undefined): string => (value == null ? '\\N' : field(value));
const number = (value: number | null | undefined): string =>
  value == null ? '\\N' : String(value);

export interface CopyLine {
  /** The row in COPY text format, newline-terminated, columns in `EVENT_COLUMNS` order. */
  line: string;
  /** The event's UTC day, for the derived rebuild. */
  day: string;
}

type FieldWriter = (event: RawEvent, escapedSource: string) => string | number;
const NULL = '\\N';

/**
 * Each column's COPY field, keyed by column name: the mapped type fails to compile when
 * `EVENT_COLUMNS` gains a column without a writer, and the order comes from `EVENT_COLUMNS`
 * alone, so the COPY path cannot drift from the JSON path's column list.
 */
const WRITERS: { readonly [C in EventColumn]: FieldWriter } = {
  event_id: (e) => field(e.event_id),
  event_timestamp: (e) => isoFast(e.event_timestamp, 'event_timestamp'),
  event_name: (e) => field(e.event_name),
  user_id: (e) => text(e.user_id),
  user_login_state: (e) => e.user_login_state,
  identity_source: (e) => text(e.identity_source),
  client_id: (e) => field(e.client_id),
  session_id: (e) => field(e.session_id),
  is_first_visit: (e) => (e.is_first_visit ? 't' : 'f'),
  context_product_id: (e) => (e.product == null ? NULL : field(e.product.id)),
  context_product_name: (e) => text(e.product?.name),
  context_product_category: (e) => text(e.product?.category),
  context_product_brand: (e) => text(e.product?.brand),
  context_product_price: (e) => number(e.product?.price),
  context_product_discount_price: (e) => number(e.product?.discount_price),
  context_product_url_path: (e) => text(e.product?.url_path),
  app_id: (e) => field(e.app_id),
  session_number: (e) => int4(e.session_number, 'session_number'),
  page_url: (e) => text(e.page_url),
  page_referrer: (e) => text(e.page_referrer),
  page_title: (e) => text(e.page_title),
  device_timestamp: (e) => isoFast(e.device_timestamp, 'device_timestamp'),
  received_at: (e) => isoFast(e.received_at, 'received_at'),
  sent_at: (e) => (e.sent_at === null ? NULL : isoFast(e.sent_at, 'sent_at')),
  clock_skew_ms: (e) => e.clock_skew_ms,
  user_agent: (e) => text(e.user_agent),
  client_ip: (e) => text(e.client_ip),
  request_id: (e) => field(e.request_id),
  sdk_version: (e) => text(e.sdk_version),
  raw_version: (e) => e.raw_version,
  attributes: (e) => field(JSON.stringify(e.attributes)),
  source_object: (_, escapedSource) => escapedSource,
  items: (e) => field(JSON.stringify(e.items)),
};
const WRITE_ORDER: readonly FieldWriter[] = EVENT_COLUMNS.map((column) => WRITERS[column]);
const LAST = WRITE_ORDER.length - 1;
const TIME_FIELD = EVENT_COLUMNS.indexOf('event_timestamp');
const fields: (string | number)[] = new Array(WRITE_ORDER.length);

/**
 * Writes one validated raw event straight to its COPY row, without the intermediate row
 * object and JSON text of the JSON path. The fields are joined from an array: a template
 * literal of 60 pieces builds a deep rope that costs ~8 µs a row to flatten when encoded,
 * `join` writes one flat string at once (measured: 33 → 25 µs a row for the whole parse).
 * Invalid values throw `RowError` in column order, as `toEventRow` does.
 */
export function toCopyLine(event: RawEvent, escapedSource: string, rawLine?: string): CopyLine {
  field = rawLine === undefined || rawLine.includes('\\') ? copyText : asIs;
  for (let i = 0; i <= LAST; i += 1) fields[i] = WRITE_ORDER[i]!(event, escapedSource);
  const line = `${fields.join('\t')}\n`;
  return { line, day: (fields[TIME_FIELD] as string).slice(0, 10) };
}
