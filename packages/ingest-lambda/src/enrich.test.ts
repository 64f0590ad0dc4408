import { validateEvent, validateRawEvent } from '@clicktrail/sdk/schema';
import { describe, expect, it } from 'vitest';
import {
  clockSkew,
  correctedTimestamp,
  enrichEvent,
  envelopeFor,
  type RequestFacts,
} from './enrich.js';
import { NOW, wireEvent } from './testing.js';

const facts = (sentAt: number | null): RequestFacts => ({
  receivedAt: NOW,
  requestId: 'req-1',
  sentAt,
  clientIp: '203.0.113.0',
  userAgent: 'agent',
});

describe('clockSkew', () => {
  it('is the receive time minus sent_at', () => {
    expect(clockSkew(facts(NOW - 60_000))).toBe(60_000);
    expect(clockSkew(facts(NOW + 5_000))).toBe(-5_000);
  });

  it('is 0 without a usable sent_at', () => {
    expect(clockSkew(facts(null))).toBe(0);
    expect(clockSkew(facts(1e300))).toBe(0);
    expect(clockSkew(facts(-5))).toBe(0);
  });
});

describe('correctedTimestamp', () => {
  it('shifts the device time by the skew', () => {
    expect(correctedTimestamp(NOW - 70_000, 60_000, NOW)).toBe(NOW - 10_000);
  });

  it('clamps a time after the receive time to the receive time', () => {
    expect(correctedTimestamp(NOW + 3_600_000, 0, NOW)).toBe(NOW);
  });

  it('never goes before the epoch', () => {
    expect(correctedTimestamp(5, -1_000, NOW)).toBe(1);
  });
});

describe('enrichEvent', () => {
  it('builds a raw line that validateRawEvent accepts, keeping the device time', () => {
    const checked = validateEvent(wireEvent({ event_timestamp: NOW - 62_000 }));
    if (!checked.ok) throw new Error(checked.reason);

    const raw = enrichEvent(checked.event, envelopeFor(facts(NOW - 61_000)));

    const back = validateRawEvent(JSON.parse(JSON.stringify(raw)));
    expect(back).toMatchObject({ ok: true });
    expect(raw).toMatchObject({
      raw_version: 1,
      received_at: NOW,
      request_id: 'req-1',
      sent_at: NOW - 61_000,
      clock_skew_ms: 61_000,
      device_timestamp: NOW - 62_000,
      event_timestamp: NOW - 1_000,
      client_ip: '203.0.113.0',
      user_agent: 'agent',
    });
  });
});
