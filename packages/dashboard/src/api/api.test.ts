import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard } from '../dashboard.js';
import { type FixtureWarehouse, fixtureWarehouse } from '../test-support/fixture-warehouse.js';
import { PANEL_NAMES } from './panels.js';

let warehouse: FixtureWarehouse;
let app: ReturnType<typeof createDashboard>;
beforeAll(async () => {
  warehouse = await fixtureWarehouse();
  app = createDashboard({ reader: warehouse.reader, warehouseLabel: 'fixture', timeZone: 'UTC' });
});
afterAll(() => warehouse?.close());

const week = 'from=2026-11-16&to=2026-11-22';
const get = (path: string) => app.request(path);
const json = async (path: string) => {
  const response = await get(path);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the JSON API', () => {
  it('answers summary with the contract fields and, with compare, the previous period', async () => {
    const { status, body } = await json(`/api/summary?${week}&compare=previous`);
    expect(status).toBe(200);
    for (const key of [
      'users',
      'new_users',
      'returning_users',
      'sessions',
      'engaged_sessions',
      'engagement_rate',
      'bounce_rate',
      'avg_session_duration_s',
      'events',
      'page_views',
      'purchases',
      'revenue',
      'conversion_rate',
    ]) {
      expect(body).toHaveProperty(key);
    }
    expect(body).toMatchObject({ users: 5, sessions: 6, purchases: 2, revenue: 35 });
    // 11-09..11-15: C's first visit only.
    expect(body.previous).toMatchObject({
      users: 1,
      new_users: 1,
      sessions: 1,
      events: 2,
      purchases: 0,
    });
  });

  it('answers funnel as { steps: [{ name, clients }] } and health with its five fields', async () => {
    expect((await json(`/api/funnel?${week}`)).body).toEqual({
      mode: 'closed',
      steps: [
        { name: 'view_item', clients: 3 },
        { name: 'add_to_cart', clients: 2 },
        { name: 'begin_checkout', clients: 1 },
        { name: 'purchase', clients: 1 },
      ],
    });
    const health = (await json('/api/health')).body;
    expect(Object.keys(health)).toEqual(
      expect.arrayContaining([
        'last_load_at',
        'pending_objects',
        'oldest_pending_age_s',
        'quarantined_lines',
        'rejected_events',
      ]),
    );
    expect(health.quarantined_lines).toBe(1);
  });

  it('lists the apps', async () => {
    const { body } = await json('/api/apps');
    expect((body.apps as { app_id: string }[]).map((a) => a.app_id)).toEqual(['blog', 'shop']);
  });

  it('serves the same under /sbw_dashboard/', async () => {
    const here = await json(`/api/summary?${week}&app_id=shop`);
    const there = await json(`/sbw_dashboard/api/summary?${week}&app_id=shop`);
    expect(there).toEqual(here);
    expect(here.body.users).toBe(4);
  });

  it('gives every panel as CSV with the same rows as its JSON', async () => {
    const csv = await get(`/api/funnel?${week}&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toBe(
      'mode,name,clients\r\nclosed,view_item,3\r\nclosed,add_to_cart,2\r\nclosed,begin_checkout,1\r\nclosed,purchase,1\r\n',
    );
    const trend = (await (await get(`/api/trend?${week}&format=csv&compare=previous`)).text())
      .trim()
      .split('\r\n');
    expect(trend[0]).toBe('period,granularity,bucket,users,sessions,page_views,revenue');
    expect(trend).toHaveLength(1 + 7 + 7);
    expect(trend[1]).toBe('current,day,2026-11-16,1,1,1,25');
    for (const name of PANEL_NAMES) {
      const response = await get(`/api/${name}?${week}&format=csv`);
      expect(response.status, name).toBe(200);
      expect((await response.text()).length, name).toBeGreaterThan(0);
    }
  });

  it('answers an unknown panel with 404', async () => {
    expect((await json('/api/nope')).status).toBe(404);
  });
});

describe('bad input', () => {
  const cases: [string, string, RegExp][] = [
    ['a malformed from', 'from=2026-13-01&to=2026-11-22', /from must be a date/],
    ['a from that is no day', 'from=2026-02-30&to=2026-03-02', /from must be a date/],
    ['a malformed to', 'from=2026-11-01&to=yesterday', /to must be a date/],
    ['from after to', 'from=2026-11-22&to=2026-11-16', /after/],
    ['a range over 400 days', 'from=2025-01-01&to=2026-11-22', /at most 400 days/],
    ['an unknown app', `${week}&app_id=nope`, /unknown app_id/],
    [
      'an app id that is no id',
      `${week}&app_id=%27%3B%20DROP%20TABLE%20sessions`,
      /unknown app_id/,
    ],
    ['an unknown compare', `${week}&compare=year`, /compare must be/],
    ['an unknown format', `${week}&format=xml`, /format must be/],
    ['an unknown funnel mode', `${week}&funnel=sideways`, /funnel must be/],
    ['an event name that is not snake_case', `${week}&event_name=Page%20View`, /event_name/],
    ['a very long from', `from=${'9'.repeat(5000)}`, /from must be a date/],
  ];

  for (const name of PANEL_NAMES) {
    it(`/api/${name} answers 400 with a message for each bad parameter`, async () => {
      for (const [what, query, message] of cases) {
        const { status, body } = await json(`/api/${name}?${query}`);
        expect(status, `${name}: ${what}`).toBe(400);
        expect(body.error, `${name}: ${what}`).toMatch(message);
      }
    });
  }

  it('shows the message on the page with a 400', async () => {
    const response = await get('/?from=2026-11-22&to=2026-11-16');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('from (2026-11-22) is after to (2026-11-16)');
  });

  it('still has every table after all of that', async () => {
    expect((await json(`/api/summary?${week}`)).body.sessions).toBe(6);
  });
});
