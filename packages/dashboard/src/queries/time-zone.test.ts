import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRange } from '../filters/range.js';
import { fixtureEvents } from '../test-support/fixture.js';
import { type FixtureWarehouse, fixtureWarehouse } from '../test-support/fixture-warehouse.js';
import { summary } from './summary.js';
import { trend } from './trend.js';
import { reportingZone } from './zone.js';

// The fixture with its days cut in Singapore (UTC+8, no daylight saving), as a warehouse
// derived with CLICKTRAIL_TIME_ZONE=Asia/Singapore has them.
const SG = 'Asia/Singapore';
let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await fixtureWarehouse(fixtureEvents(), { timeZone: SG });
});
afterAll(() => warehouse?.close());

const day = (date: string): ReportRange => ({ from: date, to: date, appId: null, timeZone: SG });

describe('a warehouse cut in another time zone', () => {
  it('is reported in the zone its days are cut in, whatever the dashboard is configured with', async () => {
    expect(await warehouse.reader.read((q) => reportingZone(q, 'UTC'))).toBe(SG);
  });

  it('counts the summary by its days', async () => {
    // E's visit (11-21 16:00 UTC) falls on 11-22 there, and B's whole session (11-17
    // 23:59:50 UTC) on 11-18, with A2 (11-18 09:00 UTC).
    const read = (date: string) => warehouse.reader.read((q) => summary(q, day(date)));
    expect(await read('2026-11-22')).toMatchObject({
      users: 1,
      new_users: 1,
      sessions: 1,
      purchases: 1,
      revenue: 10,
    });
    expect(await read('2026-11-18')).toMatchObject({
      users: 2,
      new_users: 1,
      sessions: 2,
      events: 5,
    });
  });

  it('charts a day by its local hours', async () => {
    const t = await warehouse.reader.read((q) => trend(q, day('2026-11-18')));
    expect(t.granularity).toBe('hour');
    expect(t.points).toHaveLength(24);
    const busy = t.points.filter((p) => p.users > 0);
    // B's session 07:59:50-08:00:30 SGT, A2 at 17:00 SGT.
    expect(busy.map((p) => [p.bucket, p.users, p.sessions, p.page_views])).toEqual([
      ['2026-11-18T07:00', 1, 1, 1],
      ['2026-11-18T08:00', 1, 0, 1],
      ['2026-11-18T17:00', 1, 1, 1],
    ]);
  });
});
