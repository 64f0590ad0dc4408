import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRange } from '../filters/range.js';
import { type FixtureWarehouse, fixtureWarehouse } from '../test-support/fixture-warehouse.js';
import { summary } from './summary.js';

let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await fixtureWarehouse();
});
afterAll(() => warehouse?.close());

const range = (
  from: string,
  to: string,
  appId: string | null = null,
  timeZone = 'UTC',
): ReportRange => ({
  from,
  to,
  appId,
  timeZone,
});
const read = (r: ReportRange) => warehouse.reader.read((q) => summary(q, r));

describe('summary on the fixture', () => {
  it('counts the week of 2026-11-16 for all apps as worked out by hand', async () => {
    // Users A B C D E; new A B D E (C's first visit was 11-10). Sessions A1 A2 B1 C2 D1 E1;
    // engaged A1 (150 s) B1 (40 s) D1 (2 views) E1 (20 s, purchase); durations 150+0+40+5+4+20.
    // Page views in those sessions 1+1+2+1+2+1. Purchases: T1 once (reloaded), E's by event id.
    expect(await read(range('2026-11-16', '2026-11-22'))).toEqual({
      users: 5,
      new_users: 4,
      returning_users: 1,
      sessions: 6,
      engaged_sessions: 4,
      engagement_rate: 4 / 6,
      bounce_rate: 1 - 4 / 6,
      avg_session_duration_s: 219 / 6,
      views_per_session: 8 / 6,
      events: 21,
      page_views: 8,
      purchases: 2,
      revenue: 35,
      currency: 'EUR',
      average_order_value: 17.5,
      conversion_rate: 2 / 6,
    });
  });

  it('narrows to one app', async () => {
    const shop = await read(range('2026-11-16', '2026-11-22', 'shop'));
    // Without D1 (blog): users A B C E, new A B E, sessions A1 A2 B1 C2 E1, engaged A1 B1 E1.
    expect(shop).toMatchObject({
      users: 4,
      new_users: 3,
      sessions: 5,
      engaged_sessions: 3,
      events: 18,
      page_views: 6,
    });
    expect(shop.purchases).toBe(2);
    const blog = await read(range('2026-11-16', '2026-11-22', 'blog'));
    expect(blog).toMatchObject({
      users: 1,
      new_users: 1,
      sessions: 1,
      events: 3,
      page_views: 2,
      purchases: 0,
      revenue: 0,
    });
  });

  it('counts a session across midnight on the day it started, its events on their own days', async () => {
    // 11-17: B's first two events; B1 starts here. 11-18: B's last two events and A2.
    expect(await read(range('2026-11-17', '2026-11-17'))).toMatchObject({
      users: 1,
      new_users: 1,
      sessions: 1,
      events: 2,
    });
    expect(await read(range('2026-11-18', '2026-11-18'))).toMatchObject({
      users: 2,
      new_users: 0,
      returning_users: 2,
      sessions: 1,
      events: 3,
      page_views: 2,
    });
  });

  it('counts users once over the range, not once a day', async () => {
    // A is active on 11-16 and 11-18: one user over the three days, not two.
    expect((await read(range('2026-11-16', '2026-11-18', 'shop'))).users).toBe(2);
  });

  it('answers an empty day with zeros and undefined rates', async () => {
    expect(await read(range('2026-11-22', '2026-11-22'))).toMatchObject({
      users: 0,
      sessions: 0,
      engagement_rate: null,
      bounce_rate: null,
      avg_session_duration_s: null,
      average_order_value: null,
      conversion_rate: null,
      revenue: 0,
    });
  });
});
