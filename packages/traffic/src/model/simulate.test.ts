import { describe, expect, it } from 'vitest';
import { startOfDay } from '../time.js';
import type { SimEvent } from './sim-event.js';
import { simulate } from './simulate.js';

const options = {
  seed: 7,
  visitors: 60,
  days: 5,
  appId: 'shop',
  timeZone: 'UTC',
  today: '2026-11-20',
};
const AUTOMATIC = new Set(['session_start', 'first_visit', 'page_view']);

const byKey = (events: SimEvent[], key: (e: SimEvent) => string) => {
  const groups = new Map<string, SimEvent[]>();
  for (const event of events) groups.set(key(event), [...(groups.get(key(event)) ?? []), event]);
  return [...groups.values()];
};

describe('simulate', () => {
  it('gives the same history for the same seed, and another for another seed', () => {
    expect(simulate(options).events).toEqual(simulate(options).events);
    expect(simulate({ ...options, seed: 8 }).events).not.toEqual(simulate(options).events);
  });

  it('keeps the whole history inside the days before today', () => {
    const sim = simulate(options);
    expect(sim.from).toBe('2026-11-15');
    expect(sim.to).toBe('2026-11-19');
    const times = sim.events.map((e) => e.at);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(startOfDay('2026-11-15', 'UTC'));
    expect(Math.max(...times)).toBeLessThan(startOfDay('2026-11-20', 'UTC'));
  });

  it('separates sessions by more than the SDK timeout and keeps each session under it', () => {
    for (const visitor of byKey(simulate(options).events, (e) => e.visitor)) {
      const sessions = byKey(visitor, (e) => e.session);
      sessions.forEach((session, i) => {
        const times = session.map((e) => e.at);
        for (let j = 1; j < times.length; j += 1) {
          expect((times[j] as number) - (times[j - 1] as number)).toBeLessThan(30 * 60_000);
        }
        const next = sessions[i + 1];
        if (next)
          expect((next[0] as SimEvent).at - Math.max(...times)).toBeGreaterThan(30 * 60_000);
      });
    }
  });

  it('gives no two non-automatic events of a visitor the same time, and keeps times off the second', () => {
    for (const visitor of byKey(simulate(options).events, (e) => e.visitor)) {
      const times = visitor.filter((e) => !AUTOMATIC.has(e.name)).map((e) => e.at);
      expect(new Set(times).size).toBe(times.length);
      for (const at of visitor.map((e) => e.at)) expect([100, 400]).toContain(at % 1000);
    }
  });

  it('starts every session with session_start, and a new client with first_visit once', () => {
    const sim = simulate(options);
    for (const session of byKey(sim.events, (e) => `${e.visitor} ${e.session}`)) {
      expect(session[0]?.name).toBe('session_start');
    }
    for (const visitor of byKey(sim.events, (e) => e.visitor)) {
      expect(visitor.filter((e) => e.name === 'first_visit').length).toBeLessThanOrEqual(1);
    }
  });

  it('models the behaviours the stack must count: logins, sign-ups, second tabs, abandoned carts', () => {
    const events = simulate({ ...options, visitors: 200 }).events;
    const names = new Set(events.map((e) => e.name));
    for (const name of [
      'login',
      'sign_up',
      'search',
      'add_to_cart',
      'remove_from_cart',
      'begin_checkout',
      'purchase',
    ]) {
      expect(names).toContain(name);
    }
    expect(events.some((e) => e.tab === 1)).toBe(true);
    expect(events.some((e) => e.userId !== null)).toBe(true);
    const checkouts = events.filter((e) => e.name === 'begin_checkout').length;
    expect(events.filter((e) => e.name === 'purchase').length).toBeLessThan(checkouts);
  });

  it('buys only logged in, as the store has no guest checkout, for the value of the items', () => {
    const purchases = simulate({ ...options, visitors: 200 }).events.filter(
      (e) => e.name === 'purchase',
    );
    expect(purchases.length).toBeGreaterThan(10);
    for (const purchase of purchases) {
      expect(purchase.userId).not.toBeNull();
      const cents = (purchase.items ?? []).reduce(
        (sum, item) =>
          sum + (item.product.discountCents ?? item.product.priceCents) * item.quantity,
        0,
      );
      expect(Math.round(Number(purchase.attributes.value) * 100)).toBe(cents);
    }
  });

  it('keeps every session of a daytime simulation between 06:00 and 22:00, with no known visitors', () => {
    const sim = simulate({ ...options, visitors: 200, daytimeOnly: true, knownVisitors: false });
    for (const event of sim.events) {
      const hour = new Date(event.at).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(6);
      expect(hour).toBeLessThan(22);
      expect(event.sessionNumber === 1).toBe(event.isFirstVisit);
    }
    const firstSessions = sim.events.filter(
      (e) => e.name === 'session_start' && e.sessionNumber === 1,
    );
    expect(firstSessions.length).toBe(200);
  });

  it('gives each session actions in time order, each before the events it records', () => {
    for (const visit of simulate(options).visits) {
      for (const session of visit.sessions) {
        expect(session.actions[0]?.action.kind).toBe('load');
        session.actions.forEach((step, i) => {
          const next = session.actions[i + 1];
          if (next) expect(next.at).toBeGreaterThanOrEqual(step.at);
          const recorded = session.events[step.eventsBefore];
          if (recorded && next?.eventsBefore !== step.eventsBefore)
            expect(recorded.at).toBeGreaterThanOrEqual(step.at);
        });
      }
    }
  });
});
