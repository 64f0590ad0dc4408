import { describe, expect, it } from 'vitest';
import { backoffMs, outcomeOf, retryAfterMs } from './retry.js';

describe('outcomeOf', () => {
  it.each([200, 202, 204])('treats %i as delivered', (status) =>
    expect(outcomeOf(status)).toBe('sent'),
  );
  it.each([408, 429, 500, 502, 503])('retries %i', (status) =>
    expect(outcomeOf(status)).toBe('retry'),
  );
  it('retries a network error (status 0)', () => expect(outcomeOf(0)).toBe('retry'));
  it.each([400, 401, 403, 404, 413, 422])('drops on %i', (status) =>
    expect(outcomeOf(status)).toBe('dropped'),
  );
});

describe('retryAfterMs', () => {
  it('reads seconds', () => expect(retryAfterMs('7')).toBe(7_000));
  it('reads an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryAfterMs('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
  });
  it('caps absurd waits at five minutes', () => expect(retryAfterMs('86400')).toBe(300_000));
  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(null)).toBe(0);
    expect(retryAfterMs('soon')).toBe(0);
  });
});

describe('backoffMs', () => {
  it('doubles per attempt, jittered between half and all of the step', () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(0, () => 1)).toBe(1_000);
    expect(backoffMs(3, () => 1)).toBe(8_000);
  });
  it('never waits more than five minutes', () => expect(backoffMs(30, () => 1)).toBe(300_000));
});
