import { checkBatch, validateEvent } from '@clicktrail/sdk/schema';
import { describe, expect, it } from 'vitest';
import { simulate } from '../model/simulate.js';
import { planBatches, SDK_BATCH_EVENTS } from './batches.js';
import { wireEvents } from './wire-events.js';

const sim = simulate({
  seed: 11,
  visitors: 80,
  days: 3,
  appId: 'shop',
  timeZone: 'UTC',
  today: '2026-11-20',
});
const wire = wireEvents(sim.events, 'shop', 'http://localhost:3000', 11);

describe('wireEvents', () => {
  it('makes events the schema accepts as they are, with unique event ids', () => {
    for (const event of wire) {
      const check = validateEvent(event);
      expect(check.ok, JSON.stringify(check)).toBe(true);
    }
    expect(new Set(wire.map((e) => e.event_id)).size).toBe(wire.length);
  });

  it('sends purchases with their transaction, value and items', () => {
    const purchase = wire.find((e) => e.event_name === 'purchase');
    expect(purchase?.attributes).toMatchObject({ currency: 'USD' });
    expect(typeof purchase?.attributes.transaction_id).toBe('string');
    expect(purchase?.items.length).toBeGreaterThan(0);
    expect(purchase?.items[0]?.quantity).toBeGreaterThan(0);
  });
});

describe('planBatches', () => {
  const batches = planBatches(sim.events, wire, sim.flakyVisitors);

  it('sends every event once per copy, in batches ingest accepts', () => {
    expect(batches.flatMap((b) => b.events).length).toBe(wire.length);
    for (const batch of batches) {
      expect(batch.events.length).toBeLessThanOrEqual(SDK_BATCH_EVENTS);
      expect(checkBatch({ sent_at: Date.now(), events: batch.events }).ok).toBe(true);
    }
  });

  it('resends the batches of visitors on flaky networks, and only theirs', () => {
    for (const batch of batches) {
      const flaky = sim.flakyVisitors.has(batch.events[0]?.client_id ?? '');
      expect(batch.copies).toBe(flaky ? 2 : 1);
    }
    expect(batches.some((b) => b.copies === 2)).toBe(true);
  });
});
