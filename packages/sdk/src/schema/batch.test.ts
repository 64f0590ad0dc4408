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
    [{ events: [], sent_at: 'now' }, 'sent_at: expected epoch ms, got "now"'],
  ])('answers 400 to %j', (body, error) => {
    expect(checkBatch(body)).toEqual({ ok: false, status: 400, error });
  });

  it('answers 413 over 500 events', () => {
    expect(checkBatch({ events: new Array(501).fill({}) })).toMatchObject({
      ok: false,
      status: 413,
    });
  });
});
