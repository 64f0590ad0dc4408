import { EVENT_COLUMNS } from '@clicktrail/warehouse';
import { describe, expect, it } from 'vitest';
import { isoFast } from './column-values.js';
import { copyText, toCopyLine, unescapeCopyText } from './copy-text.js';
import { toEventRow } from './event-row.js';
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

  it('formats times exactly as toISOString, and refuses what a Date cannot hold', () => {
    const day = 86_400_000;
    const times = [0, 1, 999, day - 1, day, 1_763_625_600_123, 253_402_300_799_999];
    for (let i = 0; i < 1000; i += 1) times.push(Math.floor(Math.random() * 253_402_300_799_999));
    for (const ms of times) expect(isoFast(ms, 't')).toBe(new Date(ms).toISOString());
    expect(isoFast(1.5, 't')).toBe(new Date(1.5).toISOString());
    expect(() => isoFast(9e15, 'received_at')).toThrow(/received_at/);
  });

  it('skips per-field escaping only for a line without a backslash', () => {
    const plain = rawEvent({ page_title: 'no specials 😀' });
    const line = JSON.stringify(plain);
    expect(toCopyLine(plain, 'k', line)).toEqual(toCopyLine(plain, 'k'));
    const rawTricky = JSON.stringify(tricky);
    expect(toCopyLine(tricky, 'k', rawTricky)).toEqual(toCopyLine(tricky, 'k'));
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

describe('unescapeCopyText', () => {
  it('reads back every value copyText writes', () => {
    for (const value of ['plain', 'tab\there', 'a\\b\\\\c', 'new\nline\r\n', '\\N', '😀\t\\t']) {
      expect(unescapeCopyText(copyText(value))).toBe(value);
    }
  });
});
