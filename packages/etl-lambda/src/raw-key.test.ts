import { describe, expect, it } from 'vitest';
import { checkRawKey } from './raw-key.js';

describe('checkRawKey', () => {
  it('reads the day of a raw object key', () => {
    expect(checkRawKey('events/2024/02/29/20240229T000000000Z-abc.ndjson.gz')).toEqual({
      ok: true,
      day: '2024-02-29',
    });
  });

  it.each([
    ['events/2026/02/30/x.ndjson.gz', /2026\/02\/30 is no date/],
    ['events/2025/02/29/x.ndjson.gz', /is no date/],
    ['events/9999/99/99/x.ndjson.gz', /9999\/99\/99 is no date/],
    ['events/0000/01/01/x.ndjson.gz', /is no date/],
    ['events/2026/11/20/a\\b.ndjson.gz', /backslash/],
    ['events/2026/11/20/a\tb.ndjson.gz', /control character/],
    ['events/2026/11/20/notes.txt', /^expected events/],
    ['events/2026/11/20/deeper/x.ndjson.gz', /^expected events/],
  ])('skips %j', (key, reason) => {
    const checked = checkRawKey(key);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toMatch(reason);
  });
});
