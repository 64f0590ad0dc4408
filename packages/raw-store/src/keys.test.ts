import { describe, expect, it } from 'vitest';
import { dayOfKey, dayPrefix, rawObjectKey, timeSortableId } from './keys.js';

const AT = Date.UTC(2026, 0, 2, 23, 59, 58, 7);

describe('raw keys', () => {
  it('names an object by kind and UTC receive day', () => {
    expect(rawObjectKey('events', AT)).toMatch(
      /^events\/2026\/01\/02\/20260102T235958007Z-[0-9a-f]{12}\.ndjson\.gz$/,
    );
    expect(dayPrefix('rejected', new Date(AT))).toBe('rejected/2026/01/02/');
  });

  it('sorts ids by time, whatever their random part', () => {
    const ids = [AT + 1, AT, AT + 1_000, AT - 86_400_000].map(timeSortableId);

    expect([...ids].sort()).toEqual([ids[3], ids[1], ids[0], ids[2]]);
  });

  it('never repeats an id within one millisecond', () => {
    const ids = new Set(Array.from({ length: 1_000 }, () => timeSortableId(AT)));

    expect(ids.size).toBe(1_000);
  });

  it('reads the day back from a key, and null from anything else', () => {
    expect(dayOfKey(rawObjectKey('events', AT))).toBe('2026-01-02');
    expect(dayOfKey('other/2026/01/02/x')).toBeNull();
  });
});
