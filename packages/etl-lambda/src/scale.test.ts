import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalFolderStore, RawStore } from '@clicktrail/raw-store';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runEtl } from './run.js';
import { putObject, rawEvent } from './test-support/fixtures.js';
import { useTestWarehouse } from './test-support/test-warehouse.js';

const DAY = 86_400_000;
const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);

let client: pg.Client;
let store: LocalFolderStore;
useTestWarehouse((fresh) => {
  ({ client, store } = fresh);
});

const count = async () =>
  Number(
    (await client.query<{ n: string }>('SELECT count(*) AS n FROM clickstream_events')).rows[0]?.n,
  );

/** The store, recording every prefix listed and how many GETs ran at once. */
function watched(inner: RawStore, getDelayMs = 0) {
  const seen = { prefixes: [] as string[], inFlight: 0, maxInFlight: 0 };
  const store: RawStore = {
    location: inner.location,
    put: (key, body) => inner.put(key, body),
    list(prefix, options) {
      seen.prefixes.push(prefix);
      return inner.list(prefix, options);
    },
    async get(key) {
      seen.inFlight += 1;
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
      try {
        if (getDelayMs) await sleep(getDelayMs);
        return await inner.get(key);
      } finally {
        seen.inFlight -= 1;
      }
    },
  };
  return { store, seen };
}

describe('loading at scale', () => {
  it('lists all of events/ only on an empty ledger, then just the recent days', async () => {
    await putObject(store, NOON - 10 * DAY, [rawEvent()], 'old000000001');
    await putObject(store, NOON - DAY, [rawEvent()], 'yday00000001');
    await putObject(store, NOON - 60_000, [rawEvent()], 'today0000001');
    const { store: listing, seen } = watched(store);
    const first = await runEtl(client, listing, { now: () => NOON });
    // Each run lists rejected/ for the same days as events/ (refused events are counted).
    const listed = (kind: string) => seen.prefixes.filter((p) => p.startsWith(kind));
    expect(listed('rejected/')).toEqual(['rejected/']);
    const firstPrefixes = seen.prefixes.splice(0).filter((p) => p.startsWith('events/'));
    const second = await runEtl(client, listing, { now: () => NOON + 60_000 });
    // Three days later, after an outage: the days in between, and none before.
    const later = await runEtl(client, listing, { now: () => NOON + 3 * DAY, recentDays: 1 });
    expect(first).toMatchObject({ full_scan: true, objects: 3 });
    expect(firstPrefixes).toEqual(['events/']);
    expect(second).toMatchObject({ full_scan: false, objects: 0, status: 'done' });
    expect(listed('events/').slice(0, 2)).toEqual(['events/2026/11/19/', 'events/2026/11/20/']);
    expect(later.full_scan).toBe(false);
    expect(listed('events/').slice(2)).toEqual([
      'events/2026/11/20/',
      'events/2026/11/21/',
      'events/2026/11/22/',
      'events/2026/11/23/',
    ]);
    // Three runs: on embedded PGlite each costs seconds on a loaded machine.
  }, 180_000);

  it('stops at the deadline as partial, and the next run resumes without a full scan', async () => {
    const events = Array.from({ length: 8 }, () => rawEvent());
    for (const [i, event] of events.entries()) {
      await putObject(store, NOON - 5 * DAY + i, [event], `late${String(i).padStart(8, '0')}`);
    }
    await putObject(store, NOON - 60_000, [rawEvent()], 'today0000001');
    let clock = NOON;
    const stopped = await runEtl(client, store, {
      now: () => clock,
      deadline: NOON + 1_000,
      groupLimits: { objects: 3, bytes: 1e9 },
      // Time passes while loading: the deadline falls after the first group.
      onProgress: () => {
        clock += 2_000;
      },
    });
    const resumed = await runEtl(client, store, { now: () => clock });
    expect(stopped).toMatchObject({ status: 'partial', full_scan: true, objects: 3 });
    // The two groups left of the old day, and today's object.
    expect(stopped.pending_after).toBe(6);
    expect(stopped.derived_days).toEqual([]);
    expect(resumed).toMatchObject({ status: 'done', full_scan: false, objects: 6 });
    expect(resumed.derived_days.length).toBeGreaterThan(0);
    expect(await count()).toBe(9);
  });

  it('stops before listing when the deadline has passed, and reports partial', async () => {
    await putObject(store, NOON - 60_000, [rawEvent()], 'today0000001');
    const summary = await runEtl(client, store, { now: () => NOON, deadline: NOON - 1 });
    expect(summary).toMatchObject({ status: 'partial', objects: 0, derived_days: [] });
    expect(await runEtl(client, store, { now: () => NOON })).toMatchObject({ objects: 1 });
  });

  it('fetches objects ahead of the loader, never more at once than the limit', async () => {
    for (let i = 0; i < 30; i += 1) {
      await putObject(
        store,
        NOON - 60_000 + i,
        [rawEvent(), rawEvent()],
        `pf${String(i).padStart(10, '0')}`,
      );
    }
    const { store: slow, seen } = watched(store, 20);
    const summary = await runEtl(client, slow, {
      now: () => NOON,
      prefetch: { concurrency: 4, bytes: 1e9 },
      groupLimits: { objects: 7, bytes: 1e9 },
    });
    expect(summary).toMatchObject({ status: 'done', objects: 30, rows_loaded: 60 });
    expect(seen.maxInFlight).toBe(4);
    expect(await count()).toBe(60);
  });
});
