import { describe, expect, it } from 'vitest';
import { checkBatch } from './batch.js';

describe('checkBatch', () => {
  it('accepts a batch and reads sent_at', () => {
    expect(checkBatch({ sent_at: 5, events: [{}] })).toEqual({ ok: true, sentAt: 5, events: [{}] });
  });

  it('accepts a batch without sent_at', () => {
    expect(checkBatch({ events: [] })).toEqual({ ok: true, sentAt: null, events: [] });
  });

  it.each([
    [null, 'expected a JSON object {sent_at, events}, got null'],
    [[1, 2], 'expected a JSON object {sent_at, events}, got an array'],
    [{ events: 'x' }, 'events: expected an array, got "x"'],
  ])('answers 400 to %j', (body, error) => {
    expect(checkBatch(body)).toEqual({ ok: false, status: 400, error });
  });

  // The ETL quarantines for ever a line whose sent_at is no storable time: refuse it here.
  it.each(['"now"', 0, -1, 1_764_000_000_000.5, 253_402_300_800_000])(
    'answers 400 to sent_at %s, which the warehouse cannot store',
    (sentAt) => {
      const body = JSON.parse(`{"events": [], "sent_at": ${sentAt}}`);
      expect(checkBatch(body)).toEqual({
        ok: false,
        status: 400,
        error: `sent_at: expected epoch ms (an integer from 1 to 253402300799999, the end of year 9999), got ${typeof body.sent_at === 'string' ? '"now"' : body.sent_at}`,
      });
    },
  );

  it('answers 413 over 500 events', () => {
    expect(checkBatch({ events: new Array(501).fill({}) })).toMatchObject({
      ok: false,
      status: 413,
    });
  });
});
