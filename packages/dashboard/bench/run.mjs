// `pnpm bench` (after `pnpm -r build`): generates shoppers over 90 days, loads them with the
// built ETL CLI into a scratch database on DATABASE_URL (or the local server), starts the
// built dashboard on it, and times every API panel for a 2-day (hourly trend), a 7-day and a 90-day range: the first
// call of a fresh process (cold) and the median and p95 of 20 more (warm). Beside them, in
// the same run, the baseline: one plain count(DISTINCT client_id) over the range's raw events.
// Then the main page's weight (HTML and JavaScript, gzip), and an incremental ETL run that
// finds one new object of ~50 events (returning shoppers, received today), with the peak
// RSS of both ETL runs. `--events N` (default 1,000,000); `--keep` keeps the database and
// prints its URL; `--reuse URL` measures a kept one again (no generation, no full load).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { generateTraffic } from './generate.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const EVENTS = Number(arg('--events', '1000000'));
const KEEP = process.argv.includes('--keep');
const REUSE = arg('--reuse', undefined);
const ADMIN = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PANELS = [
  'summary',
  'trend',
  'funnel',
  'products',
  'acquisition',
  'pages',
  'audience',
  'retention',
  'live',
  'health',
];
const END = Date.UTC(2026, 10, 30);
// Two days is the longest range with an hourly trend.
const RANGES = {
  '2 days': ['2026-11-28', '2026-11-29'],
  '7 days': ['2026-11-23', '2026-11-29'],
  '90 days': ['2026-09-01', '2026-11-29'],
};
const RUNS = 20;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];
const ms = (x) => x.toFixed(1);
const log = (line) => console.info(`[bench] ${line}`);

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function startDashboard(url) {
  const child = spawn(process.execPath, [here('../dist/cli.js'), '--port', '0'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+?)\/\s/.exec(out);
      if (match) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`dashboard exited ${code}`)));
  });
}

// Makes the child print its peak RSS last on stderr (Node has no rusage of a child).
const RSS_HOOK = join(await mkdtemp(join(tmpdir(), 'clicktrail-rss-')), 'rss.mjs');
await writeFile(
  RSS_HOOK,
  'process.on("exit", () => process.stderr.write("\\nmaxRSS_kb=" + process.resourceUsage().maxRSS + "\\n"));\n',
);

/** The ETL's CLI as pnpm links it from the dev dependency, as an operator runs it. */
function etl(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(here('../node_modules/.bin/clicktrail-etl'), args, {
      env: { ...process.env, NODE_OPTIONS: `--import=${RSS_HOOK}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => {
      err += chunk;
      process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`clicktrail-etl ${args[0]} exited ${code}`));
      resolve({
        seconds: (performance.now() - started) / 1000,
        rssMb: Number(/maxRSS_kb=(\d+)/.exec(err)?.[1] ?? Number.NaN) / 1024,
        summary: JSON.parse(out.trim().split('\n').at(-1)),
      });
    });
  });
}

async function time(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

const name = `clicktrail_dashboard_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = new URL(REUSE ?? ADMIN);
if (!REUSE) dbUrl.pathname = `/${name}`;
const raw = await mkdtemp(join(tmpdir(), 'clicktrail-dashboard-bench-'));
if (!REUSE) await withClient(ADMIN, (c) => c.query(`CREATE DATABASE ${name}`));
const etlRuns = [];
try {
  const t = performance.now();
  let generated = { lines: 0 };
  if (!REUSE) {
    generated = await generateTraffic(raw, { events: EVENTS, end: END });
    log(
      `generated ${generated.lines} events of ${generated.clients} clients in ${generated.objects} objects (${ms((performance.now() - t) / 1000)} s)`,
    );
    const full = await etl(['run', '--full', '--raw-dir', raw, '--database-url', dbUrl.toString()]);
    etlRuns.push({
      label: `full load of ${generated.lines.toLocaleString('en-US')} events`,
      ...full,
    });
    log(`loaded and derived by clicktrail-etl in ${ms(full.seconds)} s`);
  } else {
    // A kept warehouse may need this version's migrations and their derive first.
    const catchUp = await etl(['run', '--raw-dir', raw, '--database-url', dbUrl.toString()]);
    etlRuns.push({ label: 'catch-up run (migrations, derive)', ...catchUp });
  }
  await withClient(dbUrl.toString(), async (c) => {
    await c.query('VACUUM ANALYZE');
    generated.lines = Number(
      (await c.query('SELECT count(*) AS n FROM clickstream_events')).rows[0].n,
    );
  });
  // One new object: returning shoppers' events on the last full day, received today.
  const late = join(raw, 'late');
  const lateBatch = await generateTraffic(late, {
    events: 60,
    days: 1,
    end: END - 86_400_000,
    seed: Date.now() % 1e9,
    idPrefix: `late${randomBytes(3).toString('hex')}_`,
    receivedAt: Date.now(),
    firstVisits: false,
  });
  const incremental = await etl(['run', '--raw-dir', late, '--database-url', dbUrl.toString()]);
  if (lateBatch.objects !== 1 || incremental.summary.rows_loaded !== lateBatch.lines) {
    throw new Error(
      `the incremental run loaded ${incremental.summary.rows_loaded} rows, not ${lateBatch.lines}`,
    );
  }
  etlRuns.push({
    label: `incremental run, 1 new object of ${lateBatch.lines} events`,
    ...incremental,
  });

  const baseline = {};
  await withClient(dbUrl.toString(), async (c) => {
    for (const [label, [from, to]] of Object.entries(RANGES)) {
      const times = [];
      for (let i = 0; i <= RUNS; i += 1) {
        const s = performance.now();
        await c.query(
          `SELECT count(DISTINCT client_id) FROM clickstream_events
           WHERE event_timestamp >= $1::date AND event_timestamp < $2::date + 1`,
          [from, to],
        );
        times.push(performance.now() - s);
      }
      baseline[label] = median(times.slice(1));
    }
  });

  const dashboard = await startDashboard(dbUrl.toString());
  const rows = [];
  try {
    for (const [label, [from, to]] of Object.entries(RANGES)) {
      for (const panel of PANELS) {
        const url = `${dashboard.url}/api/${panel}?from=${from}&to=${to}`;
        const cold = await time(url);
        const warm = [];
        for (let i = 0; i < RUNS; i += 1) warm.push(await time(url));
        rows.push({
          range: label,
          panel,
          cold,
          median: median(warm),
          p95: p95(warm),
          ratio: median(warm) / baseline[label],
        });
      }
      const page = `${dashboard.url}/?from=${from}&to=${to}`;
      const cold = await time(page);
      const warm = [];
      for (let i = 0; i < 5; i += 1) warm.push(await time(page));
      rows.push({
        range: label,
        panel: 'main page (all panels)',
        cold,
        median: median(warm),
        p95: Math.max(...warm),
        ratio: median(warm) / baseline[label],
      });
    }
    const html = Buffer.from(
      await (await fetch(`${dashboard.url}/?from=2026-11-23&to=2026-11-29`)).arrayBuffer(),
    );
    const js = Buffer.from(
      await (await fetch(`${dashboard.url}/assets/dashboard.js`)).arrayBuffer(),
    );
    console.info(
      `\n${generated.lines.toLocaleString('en-US')} events over 90 days; warm = ${RUNS} calls after the first\n`,
    );
    console.info('| range | panel | cold ms | warm median ms | warm p95 ms | median / baseline |');
    console.info('| --- | --- | --- | --- | --- | --- |');
    for (const [label, value] of Object.entries(baseline)) {
      console.info(
        `| ${label} | baseline: count(DISTINCT client_id) of raw events | | ${ms(value)} | | 1.00 |`,
      );
    }
    for (const r of rows) {
      console.info(
        `| ${r.range} | ${r.panel} | ${ms(r.cold)} | ${ms(r.median)} | ${ms(r.p95)} | ${r.ratio.toFixed(2)} |`,
      );
    }
    console.info('\n| clicktrail-etl run | wall s | load ms | derive ms | peak RSS MB |');
    console.info('| --- | --- | --- | --- | --- |');
    for (const r of etlRuns) {
      console.info(
        `| ${r.label} | ${r.seconds.toFixed(2)} | ${r.summary.load_ms} | ${r.summary.derive_ms} | ${Math.round(r.rssMb)} |`,
      );
    }
    console.info(
      `\nmain page: HTML ${html.length} B (${gzipSync(html, { level: 9 }).length} B gzip), JavaScript ${js.length} B (${gzipSync(js, { level: 9 }).length} B gzip)`,
    );
  } finally {
    dashboard.stop();
  }
} finally {
  await rm(raw, { recursive: true, force: true });
  if (KEEP && !REUSE) log(`kept the warehouse: --reuse ${dbUrl}`);
  else if (!REUSE) {
    await withClient(ADMIN, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}
