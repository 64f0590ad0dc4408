import { describe, expect, it } from 'vitest';
import { receivedAtOfKey } from './discover.js';

describe('receivedAtOfKey', () => {
  it('reads the time-sortable id, else the day', () => {
    expect(receivedAtOfKey('events/2026/11/25/20261125T133602123Z-9f86d081884c.ndjson.gz')).toBe(
      Date.UTC(2026, 10, 25, 13, 36, 2, 123),
    );
    expect(receivedAtOfKey('events/2026/11/25/other.ndjson.gz')).toBe(Date.UTC(2026, 10, 25));
    expect(receivedAtOfKey('elsewhere/x')).toBeNull();
  });
});
