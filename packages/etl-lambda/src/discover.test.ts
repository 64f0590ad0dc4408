import { describe, expect, it } from 'vitest';
import { receivedAtOfKey, scanPrefixes } from './discover.js';

describe('scanPrefixes', () => {
  it('lists yesterday and today, or everything on a full scan', () => {
    const now = Date.UTC(2026, 0, 1, 0, 30);
    expect(scanPrefixes(false, now)).toEqual(['events/2025/12/31/', 'events/2026/01/01/']);
    expect(scanPrefixes(true, now)).toEqual(['events/']);
  });
});

describe('receivedAtOfKey', () => {
  it('reads the time-sortable id, else the day', () => {
    expect(receivedAtOfKey('events/2026/11/25/20261125T133602123Z-9f86d081884c.ndjson.gz')).toBe(
      Date.UTC(2026, 10, 25, 13, 36, 2, 123),
    );
    expect(receivedAtOfKey('events/2026/11/25/other.ndjson.gz')).toBe(Date.UTC(2026, 10, 25));
    expect(receivedAtOfKey('elsewhere/x')).toBeNull();
  });
});
