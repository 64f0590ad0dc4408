import { validateRawEvent } from '@clicktrail/sdk/schema';
import { describe, expect, it } from 'vitest';
import type { RequestFacts } from './enrich.js';
import { sortEvents } from './sort-events.js';
import { NOW, wireEvent } from './testing.js';

const facts: RequestFacts = {
  receivedAt: NOW,
  requestId: 'req-1',
  sentAt: NOW,
  clientIp: null,
  userAgent: null,
};

describe('sortEvents', () => {
  it('keeps the good events of a mixed batch and gives a reason for each bad one', () => {
    const good = [wireEvent(), wireEvent()];
    const events = [good[0], { event_id: 'short' }, 42, good[1], wireEvent({ event_name: '1bad' })];

    const sorted = sortEvents(events, facts);

    expect(sorted.accepted.map((event) => event.event_id)).toEqual(
      good.map((event) => event.event_id),
    );
    expect(sorted.rejected.map(({ index, event_id }) => [index, event_id])).toEqual([
      [1, 'short'],
      [2, null],
      [4, events[4] && (events[4] as { event_id: string }).event_id],
    ]);
    for (const rejection of sorted.rejected) expect(rejection.reason).toMatch(/\w+/);
    for (const line of sorted.accepted) expect(validateRawEvent(line).ok).toBe(true);
  });

  it('refuses a second copy of an event id in the same request', () => {
    const event = wireEvent();

    const sorted = sortEvents([event, { ...event }], facts);

    expect(sorted.accepted).toHaveLength(1);
    expect(sorted.rejected).toEqual([
      {
        index: 1,
        event_id: event.event_id,
        reason: 'event_id: duplicate of event 0 in this request',
      },
    ]);
  });

  it('accepts an event whose bad attributes are dropped, and reports them', () => {
    const event = wireEvent({ attributes: { ok: 1, __proto__: 2, nested: { a: 1 } } });

    const sorted = sortEvents([JSON.parse(JSON.stringify(event))], facts);

    expect(sorted.accepted[0]?.attributes).toEqual({ ok: 1 });
    expect(sorted.dropped.map((note) => note.name)).toEqual(['nested']);
  });

  it('never lets a __proto__ key reach a prototype', () => {
    const hostile = JSON.parse(
      `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(wireEvent()).slice(1)}`,
    );

    const sorted = sortEvents([hostile], facts);

    expect(sorted.accepted).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(sorted.accepted[0])).toBe(Object.prototype);
  });
});
