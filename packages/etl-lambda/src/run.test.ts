import type { LocalFolderStore } from '@clicktrail/raw-store';
import type { TestDatabase } from '@clicktrail/warehouse/testing';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runEtl } from './run.js';
import { putObject, rawEvent } from './test-support/fixtures.js';
import { useTestWarehouse } from './test-support/test-warehouse.js';

const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);
const now = () => NOON;

let db: TestDatabase;
let client: pg.Client;
let store: LocalFolderStore;
useTestWarehouse((fresh) => {
  ({ db, client, store } = fresh);
});

const count = async (sql = 'SELECT count(*) AS n FROM clickstream_events') =>
  Number((await client.query<{ n: string }>(sql)).rows[0]?.n);

describe('runEtl', () => {
  it('loads the same objects twice without adding rows', async () => {
    await putObject(store, NOON - 60_000, [rawEvent(), rawEvent()], 'a1');
    await putObject(store, NOON - 30_000, [rawEvent()], 'a2');
    const first = await runEtl(client, store, { now });
    const second = await runEtl(client, store, { now, fullScan: true });
    expect(first).toMatchObject({ status: 'done', objects: 2, rows_loaded: 3, duplicates: 0 });
    expect(second).toMatchObject({ status: 'done', objects: 0, rows_loaded: 0 });
    expect(await count()).toBe(3);
  });

  it('adds only the new events of an object that repeats loaded ones', async () => {
    const seen = rawEvent();
    await putObject(store, NOON - 60_000, [seen], 'b1');
    await runEtl(client, store, { now });
    await putObject(store, NOON - 10_000, [seen, rawEvent()], 'b2');
    const summary = await runEtl(client, store, { now });
    expect(summary).toMatchObject({ objects: 1, rows_loaded: 1, duplicates: 1 });
    expect(await count()).toBe(2);
  });

  it('loads a duplicate within one object once', async () => {
    const event = rawEvent();
    await putObject(store, NOON - 60_000, [event, event, rawEvent()], 'c1');
    const summary = await runEtl(client, store, { now });
    expect(summary).toMatchObject({ rows_loaded: 2, duplicates: 1 });
    const ledger = await client.query('SELECT rows_loaded, duplicates FROM etl_loaded_objects');
    expect(ledger.rows).toEqual([{ rows_loaded: 2, duplicates: 1 }]);
  });

  it('leaves nothing of a group that fails before commit, and a rerun loads it exactly', async () => {
    const events = [rawEvent(), rawEvent(), rawEvent()];
    await putObject(store, NOON - 60_000, events, 'd1');
    await putObject(store, NOON - 50_000, [events[0]!, rawEvent()], 'd2');
    const crash = () => Promise.reject(new Error('power cut'));
    await expect(runEtl(client, store, { now, beforeCommit: crash })).rejects.toThrow(/power cut/);
    expect(await count()).toBe(0);
    expect(await count('SELECT count(*) AS n FROM etl_loaded_objects')).toBe(0);
    const summary = await runEtl(client, store, { now });
    expect(summary).toMatchObject({ objects: 2, rows_loaded: 4, duplicates: 1 });
    expect(await count()).toBe(4);
  });

  it('picks up a late object for an earlier day and one whose key sorts before loaded keys', async () => {
    await putObject(store, NOON - 60_000, [rawEvent()], 'e2');
    await runEtl(client, store, { now });
    await putObject(store, NOON - 120_000, [rawEvent()], 'e1');
    const sameDay = await runEtl(client, store, { now });
    // Copied in by hand into a day a routine run no longer lists: only --full finds it.
    await putObject(store, NOON - 4 * 86_400_000, [rawEvent()], 'e0');
    const routine = await runEtl(client, store, { now: () => NOON + 86_400_001 });
    const full = await runEtl(client, store, { now, fullScan: true });
    expect(sameDay.objects).toBe(1);
    expect(routine).toMatchObject({ full_scan: false, objects: 0 });
    expect(full).toMatchObject({ full_scan: true, objects: 1 });
    expect(full.oldest_pending_age_s).toBeGreaterThan(4 * 86_400 - 10);
    expect(await count()).toBe(3);
  });

  it('runs one at a time: a second run waits, then finds nothing to load', async () => {
    for (let i = 0; i < 6; i += 1) {
      await putObject(store, NOON - 60_000 + i, [rawEvent(), rawEvent()], `f${i}`);
    }
    const other = await db.connect();
    const [a, b] = await Promise.all([
      runEtl(client, store, { now, waitForLock: true, groupLimits: { objects: 1, bytes: 1e9 } }),
      runEtl(other, store, { now, waitForLock: true, groupLimits: { objects: 1, bytes: 1e9 } }),
    ]);
    await other.end();
    expect(a.objects + b.objects).toBe(6);
    expect(await count()).toBe(12);
    expect(await count('SELECT count(*) AS n FROM etl_loaded_objects')).toBe(6);
  });

  it.runIf(process.env.DATABASE_URL)(
    'exits cleanly as busy while another run holds the lock',
    async () => {
      const other = await db.connect();
      await runEtl(other, store, { now });
      await other.query('SELECT pg_advisory_lock(7402117001)');
      const summary = await runEtl(client, store, { now });
      await other.end();
      expect(summary.status).toBe('busy');
    },
  );
});
