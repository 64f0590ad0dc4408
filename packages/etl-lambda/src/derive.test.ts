import type { LocalFolderStore } from '@clicktrail/raw-store';
import type { RawEvent } from '@clicktrail/sdk/schema';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runEtl } from './run.js';
import { putObject, rawEvent } from './test-support/fixtures.js';
import { useTestWarehouse } from './test-support/test-warehouse.js';

const at = (hms: string, day = '2026-11-20') => Date.parse(`${day}T${hms}Z`);
const NOW = at('23:59:59');

/** One event of a session; the page path is the one the dashboard groups by. */
const ev = (
  client: string,
  session: string,
  name: string,
  time: number,
  more: Partial<RawEvent> = {},
) =>
  rawEvent({
    client_id: client,
    session_id: session,
    event_name: name,
    event_timestamp: time,
    device_timestamp: time,
    received_at: time + 1_000,
    ...more,
  });
const page = (path: string) => ({ page_url: `https://shop.example${path}` });

let client: pg.Client;
let store: LocalFolderStore;
useTestWarehouse((fresh) => {
  ({ client, store } = fresh);
});

const sessions = async () =>
  (
    await client.query(`SELECT client_id, session_id, to_char(session_date, 'YYYY-MM-DD') AS day,
      duration_ms::int AS ms, page_views, events, engaged, bounce, landing_path, exit_path,
      is_first_visit, user_id, user_login_state FROM sessions ORDER BY session_id`)
  ).rows;
const metrics = async () =>
  (
    await client.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, users, new_users, sessions,
      engaged_sessions, bounces, events, page_views, purchases, revenue::float AS revenue
      FROM daily_metrics ORDER BY day`)
  ).rows;

describe('derived model', () => {
  it('matches the hand-computed sessions and daily metrics, and follows a late event', async () => {
    await putObject(
      store,
      at('23:59:58'),
      [
        ev('A', 's1', 'first_visit', at('10:00:00'), { ...page('/'), is_first_visit: true }),
        ev('A', 's1', 'page_view', at('10:00:00'), { ...page('/'), is_first_visit: true }),
        ev('A', 's1', 'page_view', at('10:00:05'), {
          ...page('/products?sort=new'),
          is_first_visit: true,
        }),
        ev('B', 's2', 'page_view', at('11:00:00'), page('/about?x=1')),
        ev('B', 's3', 'page_view', at('12:00:00'), page('/')),
        ev('B', 's3', 'add_to_cart', at('12:00:15'), page('/')),
        ev('C', 's4', 'first_visit', at('13:00:00'), { ...page('/p'), is_first_visit: true }),
        ev('C', 's4', 'page_view', at('13:00:00'), { ...page('/p'), is_first_visit: true }),
        ev('C', 's4', 'purchase', at('13:00:03'), {
          ...page('/checkout'),
          is_first_visit: true,
          user_id: 'u1',
          user_login_state: 'logged_in',
          attributes: { value: 42.5 },
        }),
        ev('D', 's5', 'page_view', at('23:59:55'), page('/late')),
      ],
      'x1',
    );
    await runEtl(client, store, { now: () => NOW });
    expect(await sessions()).toEqual([
      {
        client_id: 'A',
        session_id: 's1',
        day: '2026-11-20',
        ms: 5000,
        page_views: 2,
        events: 3,
        engaged: true,
        bounce: false,
        landing_path: '/',
        exit_path: '/products',
        is_first_visit: true,
        user_id: null,
        user_login_state: 'logged_out',
      },
      {
        client_id: 'B',
        session_id: 's2',
        day: '2026-11-20',
        ms: 0,
        page_views: 1,
        events: 1,
        engaged: false,
        bounce: true,
        landing_path: '/about',
        exit_path: '/about',
        is_first_visit: false,
        user_id: null,
        user_login_state: 'logged_out',
      },
      {
        client_id: 'B',
        session_id: 's3',
        day: '2026-11-20',
        ms: 15000,
        page_views: 1,
        events: 2,
        engaged: true,
        bounce: false,
        landing_path: '/',
        exit_path: '/',
        is_first_visit: false,
        user_id: null,
        user_login_state: 'logged_out',
      },
      {
        client_id: 'C',
        session_id: 's4',
        day: '2026-11-20',
        ms: 3000,
        page_views: 1,
        events: 3,
        engaged: true,
        bounce: false,
        landing_path: '/p',
        exit_path: '/p',
        is_first_visit: true,
        user_id: 'u1',
        user_login_state: 'logged_in',
      },
      {
        client_id: 'D',
        session_id: 's5',
        day: '2026-11-20',
        ms: 0,
        page_views: 1,
        events: 1,
        engaged: false,
        bounce: true,
        landing_path: '/late',
        exit_path: '/late',
        is_first_visit: false,
        user_id: null,
        user_login_state: 'logged_out',
      },
    ]);
    expect(await metrics()).toEqual([
      {
        day: '2026-11-20',
        users: 4,
        new_users: 2,
        sessions: 5,
        engaged_sessions: 3,
        bounces: 2,
        events: 10,
        page_views: 6,
        purchases: 1,
        revenue: 42.5,
      },
    ]);

    // D's session goes on past midnight; the next object carries its second page view.
    await putObject(
      store,
      at('00:00:11', '2026-11-21'),
      [ev('D', 's5', 'page_view', at('00:00:10', '2026-11-21'), page('/next'))],
      'x2',
    );
    const summary = await runEtl(client, store, { now: () => at('00:00:30', '2026-11-21') });
    expect(summary.derived_days).toEqual(['2026-11-20', '2026-11-21']);
    expect((await sessions())[4]).toMatchObject({
      day: '2026-11-20',
      ms: 15000,
      page_views: 2,
      engaged: true,
      bounce: false,
      exit_path: '/next',
    });
    expect(await metrics()).toEqual([
      {
        day: '2026-11-20',
        users: 4,
        new_users: 2,
        sessions: 5,
        engaged_sessions: 4,
        bounces: 1,
        events: 10,
        page_views: 6,
        purchases: 1,
        revenue: 42.5,
      },
      {
        day: '2026-11-21',
        users: 1,
        new_users: 0,
        sessions: 0,
        engaged_sessions: 0,
        bounces: 0,
        events: 1,
        page_views: 1,
        purchases: 0,
        revenue: 0,
      },
    ]);

    // A rerun with nothing new changes nothing.
    const before = JSON.stringify([await sessions(), await metrics()]);
    await runEtl(client, store, { now: () => at('00:00:30', '2026-11-21'), fullScan: true });
    expect(JSON.stringify([await sessions(), await metrics()])).toBe(before);
  });

  it('moves a session to the earlier day a late event gives it, counting it once', async () => {
    await putObject(
      store,
      at('00:10:01', '2026-11-21'),
      [ev('E', 's6', 'page_view', at('00:10:00', '2026-11-21'), page('/'))],
      'y1',
    );
    await runEtl(client, store, { now: () => at('00:20:00', '2026-11-21') });
    // The session's first event arrives late: it started before midnight.
    await putObject(
      store,
      at('00:15:00', '2026-11-21'),
      [ev('E', 's6', 'page_view', at('23:55:00'), page('/earlier'))],
      'y2',
    );
    await runEtl(client, store, { now: () => at('00:20:00', '2026-11-21') });
    expect((await sessions())[0]).toMatchObject({ day: '2026-11-20', landing_path: '/earlier' });
    const perDay = (await metrics()).map(({ day, sessions, users, events }) => ({
      day,
      sessions,
      users,
      events,
    }));
    expect(perDay).toEqual([
      { day: '2026-11-20', sessions: 1, users: 1, events: 1 },
      { day: '2026-11-21', sessions: 0, users: 1, events: 1 },
    ]);
  });
});
