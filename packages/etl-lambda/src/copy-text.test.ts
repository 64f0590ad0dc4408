import { describe, expect, it } from 'vitest';
import { copyText, toCopyLine } from './copy-text.js';
import { EVENT_COLUMNS, toEventRow } from './event-row.js';
import { parseCopyLine, parseLine } from './parse-line.js';
import { rawEvent } from './test-support/fixtures.js';

/** What COPY text should hold for one value of the JSON path's row. */
function expectedField(value: unknown): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') return copyText(JSON.stringify(value));
  return copyText(String(value));
}

const tricky = rawEvent({
  page_title: 'tab\there, back\\slash, new\nline, cr\r, \\N, 😀 ü 中 \u2028',
  page_referrer: null,
  user_agent: '\\',
  product: { id: 'p\t1', name: 'Mug "big"', price: 12.5, discount_price: null },
  attributes: { note: 'a\\b\t"c"\n😀', n: 3, ok: true, none: null },
});

describe('COPY text', () => {
  it('escapes exactly the characters COPY reads specially', () => {
    expect(copyText('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('plain 😀 ü')).toBe('plain 😀 ü');
  });

  it('writes the JSON path row, column for column, in EVENT_COLUMNS order', () => {
    const { line, day } = toCopyLine(tricky, copyText('events/k\t1'));
    expect(line.endsWith('\n')).toBe(true);
    const fields = line.slice(0, -1).split('\t');
    const row = toEventRow(tricky, 'events/k\t1');
    expect(fields).toEqual(EVENT_COLUMNS.map((column) => expectedField(row[column])));
    expect(day).toBe(row.event_timestamp.slice(0, 10));
  });

  it('quarantines what the JSON path quarantines, with the same reasons', () => {
    const lines = [
      '{"event_id":',
      JSON.stringify({ ...rawEvent(), raw_version: 2 }),
      JSON.stringify(rawEvent({ page_title: 'a\ud800' })),
      JSON.stringify(rawEvent({ session_number: 2 ** 40 })),
    ];
    for (const line of lines) {
      const copy = parseCopyLine(line, 'k');
      expect(copy.ok).toBe(false);
      expect(copy).toEqual({
        ok: false,
        reason: (parseLine(line, 'k') as { reason: string }).reason,
      });
    }
  });
});
