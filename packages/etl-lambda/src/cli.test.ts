import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import {
  createTestDatabase,
  freeLoopbackPort,
  type TestDatabase,
} from '@clicktrail/warehouse/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEtl } from './run.js';
import { buildCli } from './test-support/build-cli.js';
import { putObject, rawEvent, tempStore } from './test-support/fixtures.js';

const exec = promisify(execFile);
let cli: string;
let db: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  cli = await buildCli();
  db = await createTestDatabase();
  client = await db.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );

describe('clicktrail-etl', () => {
  it('prints its usage', async () => {
    const { stdout } = await exec('node', [cli, '--help']);
    expect(stdout).toMatch(/clicktrail-etl run/);
  });

  it('fails with a clear message when the warehouse cannot be reached', async () => {
    const store = await tempStore();
    const run = exec('node', [
      cli,
      'run',
      '--raw-dir',
      store.location,
      '--database-url',
      'postgres://nobody@127.0.0.1:1/x',
    ]);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot connect to postgres:\/\/127\.0\.0\.1:1\/x/),
    });
  });

  it('survives being killed mid-run: a rerun holds exactly the unique events', async () => {
    const store = await tempStore();
    const noon = Date.now();
    const shared = Array.from({ length: 50 }, () => rawEvent());
    for (let i = 0; i < 500; i += 1) {
      const events = Array.from({ length: 100 }, () => rawEvent());
      await putObject(
        store,
        noon - 60_000 + i,
        [...events, shared[i % 50]!],
        `k${String(i).padStart(11, '0')}`,
      );
    }
    const child = spawn(
      'node',
      [cli, 'run', '--raw-dir', store.location, '--database-url', db.url],
      { stdio: 'ignore' },
    );
    let done = false;
    const exit = exited(child).finally(() => {
      done = true;
    });
    const loaded = async () =>
      (await count(`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'etl_loaded_objects'`)) >
        0 && (await count('SELECT count(*) AS n FROM etl_loaded_objects')) > 0;
    while (!done && !(await loaded())) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    expect(await exit).toBe('SIGKILL');
    const partial = await count('SELECT count(*) AS n FROM etl_loaded_objects');
    expect(partial).toBeLessThan(500);
    await runEtl(client, store, { fullScan: true, waitForLock: true });
    expect(await count('SELECT count(*) AS n FROM clickstream_events')).toBe(500 * 100 + 50);
    expect(await count('SELECT count(*) AS n FROM etl_loaded_objects')).toBe(500);
    const ledger = await count('SELECT sum(rows_loaded) AS n FROM etl_loaded_objects');
    expect(ledger).toBe(500 * 100 + 50);
  });

  it('prints a one-line JSON summary last and exits 0', async () => {
    const store = await tempStore();
    await putObject(store, Date.now(), [rawEvent(), rawEvent()], 'summary00001');
    const { stdout } = await exec('node', [
      cli,
      'run',
      '--raw-dir',
      store.location,
      '--database-url',
      db.url,
      '--wait',
    ]);
    const last = stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({
      status: 'done',
      objects: 1,
      rows_loaded: 2,
      duplicates: 0,
      quarantined: 0,
    });
  });

  it('rebuilds the derived tables in CLICKTRAIL_TIME_ZONE', async () => {
    const store = await tempStore();
    // 20:00 UTC on the 20th is 04:00 on the 21st in Singapore.
    const evening = Date.UTC(2026, 10, 20, 20, 0, 0);
    await putObject(
      store,
      evening,
      [rawEvent({ session_id: 'tz-1', event_timestamp: evening })],
      'tz0001',
    );
    await runEtl(client, store, { fullScan: true, waitForLock: true });
    const { stdout } = await exec('node', [cli, 'rebuild', '--database-url', db.url], {
      env: { ...process.env, CLICKTRAIL_TIME_ZONE: 'Asia/Singapore' },
    });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({
      status: 'done',
      time_zone: 'Asia/Singapore',
    });
    const day = await client.query(
      `SELECT to_char(session_date, 'YYYY-MM-DD') AS day FROM sessions WHERE session_id = 'tz-1'`,
    );
    expect(day.rows).toEqual([{ day: '2026-11-21' }]);
  });

  // Two CLI runs, each opening the PGlite folder: seconds each on a busy machine.
  it('runs on the embedded PGlite warehouse when no server is configured', {
    timeout: 180_000,
  }, async () => {
    const store = await tempStore();
    const dw = await tempStore();
    await putObject(store, Date.now(), [rawEvent()], 'embedded0001');
    const env = {
      ...process.env,
      DATABASE_URL: '',
      DWH_HOST: '',
      DW_DIR: dw.location,
      CLICKTRAIL_PG_PORT: String(await freeLoopbackPort()),
    };
    const args = [cli, 'run', '--raw-dir', store.location];
    const first = await exec('node', args, { env });
    const second = await exec('node', args, { env });
    expect(JSON.parse(first.stdout.trim().split('\n').at(-1)!)).toMatchObject({ rows_loaded: 1 });
    expect(JSON.parse(second.stdout.trim().split('\n').at(-1)!)).toMatchObject({ objects: 0 });
  });

  it.runIf(process.env.DATABASE_URL)(
    'watch keeps running against a server: a later run loads what arrived after the first',
    async () => {
      const store = await tempStore();
      await putObject(store, Date.now(), [rawEvent()], 'watch0000001');
      const child = spawn(
        'node',
        [cli, 'watch', '--every', '0.3', '--raw-dir', store.location, '--database-url', db.url],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
      const summaries: { objects: number }[] = [];
      let added = false;
      const enough = new Promise<void>((resolve) => {
        let buffered = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const lines = buffered.split('\n');
          buffered = lines.pop()!;
          for (const line of lines) summaries.push(JSON.parse(line));
          if (summaries.length >= 1 && !added) {
            added = true;
            void putObject(store, Date.now(), [rawEvent(), rawEvent()], 'watch0000002');
          }
          if (summaries.some((summary, i) => i > 0 && summary.objects === 1)) resolve();
        });
      });
      const exit = exited(child);
      const first = await Promise.race([enough.then(() => 'running'), exit]);
      child.kill('SIGTERM');
      expect(first).toBe('running');
      expect(await exit).toBe(0);
      expect(summaries[0]).toMatchObject({ status: 'done', objects: 1 });
    },
  );
});
