import { describe, expect, it } from 'vitest';
import { parseLine } from './parse-line.js';
import { rawEvent } from './test-support/fixtures.js';

describe('parseLine', () => {
  it('maps a valid line to its row with product context flattened', () => {
    const event = rawEvent({
      product: { id: 'p1', name: 'Mug', price: 12.5, discount_price: 10 },
      attributes: { color: 'blue' },
    });
    const result = parseLine(JSON.stringify(event), 'events/k');
    expect(result.ok && result.row).toMatchObject({
      event_id: event.event_id,
      event_timestamp: new Date(event.event_timestamp).toISOString(),
      context_product_id: 'p1',
      context_product_name: 'Mug',
      context_product_price: 12.5,
      context_product_discount_price: 10,
      context_product_brand: null,
      attributes: { color: 'blue' },
      source_object: 'events/k',
    });
  });

  it('says why a line is not JSON', () => {
    expect(parseLine('{"event_id":', 'k')).toMatchObject({ ok: false, reason: /^not JSON/ });
  });

  it('uses the shared schema for its reasons', () => {
    const line = JSON.stringify({ ...rawEvent(), raw_version: 2 });
    expect(parseLine(line, 'k')).toEqual({ ok: false, reason: 'schema: raw_version: expected 1' });
  });

  it('refuses a time PostgreSQL cannot store', () => {
    const line = JSON.stringify(rawEvent({ received_at: Number.MAX_SAFE_INTEGER }));
    expect(parseLine(line, 'k')).toMatchObject({ ok: false, reason: /received_at/ });
  });

  it('refuses a lone surrogate in stored text', () => {
    // The shared schema now refuses it (and drops such an attribute); either check will do.
    const line = JSON.stringify(rawEvent({ page_title: 'a\ud800' }));
    expect(parseLine(line, 'k')).toMatchObject({ ok: false, reason: /surrogate/ });
  });
});
