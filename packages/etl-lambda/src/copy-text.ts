import type { RawEvent } from '@clicktrail/sdk/schema';
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

/**
 * Writes one validated raw event straight to its COPY row, without the intermediate row
 * object and JSON text of the JSON path: one string per row is all the garbage it makes,
 * besides the attributes' JSON. The column order is `EVENT_COLUMNS` (checked by a test
 * against `toEventRow` and by a round trip through a server).
 */
export function toCopyLine(event: RawEvent, escapedSource: string, rawLine?: string): CopyLine {
  field = rawLine === undefined || rawLine.includes('\\') ? copyText : asIs;
  const eventTime = isoFast(event.event_timestamp, 'event_timestamp');
  const device = isoFast(event.device_timestamp, 'device_timestamp');
  const received = isoFast(event.received_at, 'received_at');
  const sent = event.sent_at === null ? '\\N' : isoFast(event.sent_at, 'sent_at');
  const sessionNumber = int4(event.session_number, 'session_number');
  const p = event.product;
  const product =
    p == null
      ? '\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N'
      : `${field(p.id)}\t${text(p.name)}\t${text(p.category)}\t${text(p.brand)}\t${number(p.price)}\t${number(p.discount_price)}\t${text(p.url_path)}`;
  const line =
    `${field(event.event_id)}\t${eventTime}\t${field(event.event_name)}\t` +
    `${text(event.user_id)}\t${event.user_login_state}\t${text(event.identity_source)}\t` +
    `${field(event.client_id)}\t${field(event.session_id)}\t` +
    `${event.is_first_visit ? 't' : 'f'}\t${product}\t${field(event.app_id)}\t` +
    `${sessionNumber}\t${text(event.page_url)}\t${text(event.page_referrer)}\t` +
    `${text(event.page_title)}\t${device}\t${received}\t${sent}\t${event.clock_skew_ms}\t` +
    `${text(event.user_agent)}\t${text(event.client_ip)}\t${field(event.request_id)}\t` +
    `${text(event.sdk_version)}\t${event.raw_version}\t${field(JSON.stringify(event.attributes))}\t` +
    `${escapedSource}\n`;
  return { line, day: eventTime.slice(0, 10) };
}
