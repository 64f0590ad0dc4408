import { describe, expect, it } from 'vitest';
import { validateRawEvent } from './raw-event.js';
import { testEvent } from './test-event.js';

const envelope = {
  raw_version: 1,
  received_at: 1_764_000_000_500,
  request_id: 'req-1',
  sent_at: 1_764_000_000_400,
  clock_skew_ms: 100,
  device_timestamp: 1_763_999_999_900,
  client_ip: '203.0.113.0',
  user_agent: 'Mozilla/5.0',
};

describe('validateRawEvent', () => {
  it('accepts an event with its ingest envelope', () => {
    const line = { ...testEvent(), ...envelope };
    expect(validateRawEvent(line)).toEqual({ ok: true, event: line });
  });

  it('refuses a line without the envelope', () => {
    expect(validateRawEvent(testEvent())).toEqual({
      ok: false,
      reason: 'raw_version: expected 1',
    });
  });

  it('reads a line written before items existed as one without items', () => {
    const { items: _, ...older } = { ...testEvent(), ...envelope };
    expect(validateRawEvent(older)).toMatchObject({ ok: true, event: { items: [] } });
  });

  it('refuses a line whose event part is invalid', () => {
    expect(validateRawEvent({ ...testEvent({ client_id: '' }), ...envelope })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^client_id/),
    });
  });

  it('refuses envelope times beyond what a date can hold', () => {
    const line = { ...testEvent(), ...envelope, received_at: Number.MAX_SAFE_INTEGER };
    expect(validateRawEvent(line)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^received_at: expected epoch ms/),
    });
  });
});
