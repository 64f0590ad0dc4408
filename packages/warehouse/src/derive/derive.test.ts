import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertEvents, testEventRow } from '../testing/insert-events.js';
import { createMigratedTestDatabase } from '../testing/migrated.js';
import type { TestDatabase } from '../testing/test-database.js';
import { rebuildAll, rebuildDerived } from './derive.js';
import { DERIVE_STEPS } from './steps.js';

// One database for the file, emptied before each test (a PGlite takes seconds to create).
let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await createMigratedTestDatabase();
  client = await db.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});
beforeEach(async () => {
  // Every derived table too: the rollups (which daily_metrics sums) follow the events.
  const derivedTables = DERIVE_STEPS.flatMap((step) => step.tables).join(', ');
  await client.query(`TRUNCATE clickstream_events, derive_dirty_sessions, ${derivedTables};
    UPDATE derive_state SET time_zone = NULL, rebuilt_at = NULL`);
});

const SG = 'Asia/Singapore'; // UTC+8, no daylight saving
const view = (client_id: string, session_id: string, at: string) =>
  testEventRow({ client_id, session_id, event_timestamp: at });

/** The figures a test reads: per (day, app) and per session. */
async function derived() {
  const days = await client.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, users, sessions,
      events FROM daily_metrics ORDER BY day`);
  const sessions = await client.query(`SELECT session_id, to_char(session_date, 'YYYY-MM-DD')
      AS day FROM sessions ORDER BY session_id`);
  return { days: days.rows, sessions: sessions.rows };
}

async function everyDerivedRow(): Promise<string> {
  const tables = ['sessions', 'daily_metrics'];
  const rows = await Promise.all(
    tables.map((t) => client.query(`SELECT * FROM ${t} ORDER BY 1, 2, 3`)),
  );
  return JSON.stringify(rows.map((r) => r.rows));
}

// A at 23:00 and 23:05 Singapore time on the 20th (15:00Z); B at 01:30 on the 21st (17:30Z).
const evening = [
  view('A', 's1', '2026-11-20T15:00:00Z'),
  view('A', 's1', '2026-11-20T15:05:00Z'),
  view('B', 's2', '2026-11-20T17:30:00Z'),
];

describe('days in the reporting time zone', () => {
  it('cuts sessions and daily metrics at midnight in CLICKTRAIL_TIME_ZONE', async () => {
    await insertEvents(client, evening);
    const result = await rebuildDerived(client, { timeZone: SG });
    expect(result).toMatchObject({
      time_zone: SG,
      sessions: 2,
      days: ['2026-11-20', '2026-11-21'],
    });
    expect(await derived()).toEqual({
      days: [
        { day: '2026-11-20', users: 1, sessions: 1, events: 2 },
        { day: '2026-11-21', users: 1, sessions: 1, events: 1 },
      ],
      sessions: [
        { session_id: 's1', day: '2026-11-20' },
        { session_id: 's2', day: '2026-11-21' },
      ],
    });
  });

  it('keeps the zone the model was cut in until rebuildAll applies a new one', async () => {
    await insertEvents(client, evening.slice(0, 2));
    await rebuildDerived(client, { timeZone: 'UTC' });
    await insertEvents(client, evening.slice(2));
    const kept = await rebuildDerived(client, { timeZone: SG });
    expect(kept).toMatchObject({ time_zone: 'UTC', configured_time_zone: SG });
    expect((await derived()).days).toEqual([
      { day: '2026-11-20', users: 2, sessions: 2, events: 3 },
    ]);

    const rebuilt = await rebuildAll(client, { timeZone: SG });
    expect(rebuilt).toMatchObject({ time_zone: SG, sessions: 2 });
    expect((await derived()).days).toEqual([
      { day: '2026-11-20', users: 1, sessions: 1, events: 2 },
      { day: '2026-11-21', users: 1, sessions: 1, events: 1 },
    ]);
  });
});

describe('rebuildAll', () => {
  it('rebuilds the derived model from clickstream_events alone', async () => {
    await insertEvents(client, evening);
    await rebuildDerived(client, { timeZone: 'UTC' });
    const right = await everyDerivedRow();
    await client.query(
      `UPDATE daily_metrics SET users = 99; DELETE FROM sessions WHERE session_id = 's1'`,
    );
    await rebuildAll(client, { timeZone: 'UTC' });
    expect(await everyDerivedRow()).toBe(right);
  });

  it('changes nothing when run again on unchanged data, nor does a derive with nothing new', async () => {
    await insertEvents(client, evening);
    await rebuildAll(client, { timeZone: SG });
    const first = await everyDerivedRow();
    await rebuildAll(client, { timeZone: SG });
    expect(await everyDerivedRow()).toBe(first);
    expect(await rebuildDerived(client, { timeZone: SG })).toMatchObject({ days: [], sessions: 0 });
    expect(await everyDerivedRow()).toBe(first);
  });
});

describe('a late event', () => {
  it('moves its session to the earlier day, and the day it left stops counting it', async () => {
    await insertEvents(client, [view('E', 's6', '2026-11-21T00:10:00Z')]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    await insertEvents(client, [view('E', 's6', '2026-11-20T23:55:00Z')]);
    const result = await rebuildDerived(client, { timeZone: 'UTC' });
    expect(result.days).toEqual(['2026-11-20', '2026-11-21']);
    expect(await derived()).toEqual({
      days: [
        { day: '2026-11-20', users: 1, sessions: 1, events: 1 },
        { day: '2026-11-21', users: 1, sessions: 0, events: 1 },
      ],
      sessions: [{ session_id: 's6', day: '2026-11-20' }],
    });
  });
});
