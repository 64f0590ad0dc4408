// pnpm bench:s3 (after pnpm -r build): the ETL against an S3-compatible server that adds a
// fixed delay to every GET (s3rver behind a delaying proxy), beside a baseline that only GETs
// and gunzips the same objects with the same concurrency, in the same run; then psql \copy of
// the same rows, and an incremental run that finds one new object.
// Options: --objects N (default 20000), --per-object N (50), --delay-ms N (20), --concurrency N (16).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'clicktrail-etl.js');
// The AWS SDK and s3rver are the raw store's dependencies: resolved from there.
const fromRawStore = createRequire(join(here, '..', '..', 'raw-store', 'package.json'));
const { S3Client, PutObjectCommand, GetObjectCommand } = fromRawStore('@aws-sdk/client-s3');
const s3rverBin = join(dirname(fromRawStore.resolve('s3rver/package.json')), 'bin/s3rver.js');

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const OBJECTS = arg('--objects', 20_000);
const PER_OBJECT = arg('--per-object', 50);
const DELAY_MS = arg('--delay-ms', 20);
const CONCURRENCY = arg('--concurrency', 16);
const DAYS = 20;
const BUCKET = 'clicktrail-bench';
const server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;

const psql = (url, ...args) =>
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, ...args], { encoding: 'utf8' });
const urlOf = (name) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
function scratch() {
  const name = `clicktrail_etl_s3bench_${randomBytes(4).toString('hex')}`;
  psql(server, '-c', `CREATE DATABASE ${name}`);
  return { url: urlOf(name), drop: () => psql(server, '-c', `DROP DATABASE ${name} WITH (FORCE)`) };
}
const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;

async function startS3rver() {
  const dir = await mkdtemp(join(tmpdir(), 's3rver-bench-'));
  const child = spawn(
    process.execPath,
    [s3rverBin, '-d', dir, '-a', '127.0.0.1', '-p', '0', '--configure-bucket', BUCKET],
    { env: { ...process.env, NODE_OPTIONS: '--openssl-legacy-provider' }, stdio: 'pipe' },
  );
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const read = (chunk) => {
      out += chunk;
      const match = /listening on [^:\s]+:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}: ${out}`)));
  });
  return { port, stop: () => child.kill('SIGTERM'), dir };
}

/** A proxy in front of s3rver that holds every object GET for `delayMs` (S3's latency). */
function delayingProxy(targetPort, delayMs) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const proxy = createServer((req, res) => {
    const isObjectGet = req.method === 'GET' && !req.url.includes('list-type');
    const forward = () => {
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: targetPort,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (isObjectGet) setTimeout(forward, delayMs);
    else forward();
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () =>
      resolve({ port: proxy.address().port, close: () => proxy.close() }),
    ),
  );
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
function keyFor(received, i) {
  const d = new Date(received);
  const day = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  const stamp = d.toISOString().replace(/[-:]/g, '').replace('.', '').slice(0, 18);
  return `events/${day}/${stamp}Z-${pad(i, 12)}.ndjson.gz`;
}
function line(i, time, object) {
  const client = `client-${pad(i % 5000, 6)}`;
  return JSON.stringify({
    event_id: `s3bench_${i.toString(36).padStart(12, '0')}`,
    event_name: i % 6 === 5 ? 'add_to_cart' : 'page_view',
    event_timestamp: time,
    app_id: 'shop',
    client_id: client,
    session_id: `${client}-${Math.floor(time / 1_800_000)}`,
    session_number: 1,
    is_first_visit: false,
    user_id: null,
    user_login_state: 'logged_out',
    identity_source: null,
    page_url: `https://shop.example/products/${i % 200}`,
    page_referrer: 'https://shop.example/',
    page_title: 'Ceramic mug – Example shop',
    product:
      i % 3 === 0 ? { id: `p-${i % 200}`, name: 'Mug', category: 'kitchen', price: 12.5 } : null,
    attributes: { list: 'home', position: i % 20 },
    sdk_version: '0.1.0',
    raw_version: 1,
    received_at: time + 800,
    request_id: `req-${object}`,
    sent_at: time + 500,
    clock_skew_ms: 300,
    device_timestamp: time - 300,
    client_ip: '203.0.113.0',
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
  });
}

/** Runs `task` over `items` with at most `limit` at once. */
async function pool(items, limit, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/** Runs the built CLI in a child against the proxy, with its wall time and peak RSS. */
function etl(args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('node', ['--import', join(here, 'rss.mjs'), bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`clicktrail-etl ${args[0]} failed: ${err}`));
      const rss = JSON.parse(err.trim().split('\n').at(-1)).maxRSS_kb;
      resolve({
        seconds: seconds(started),
        rssMb: Math.round(rss / 1024),
        summary: JSON.parse(out.trim().split('\n').at(-1)),
      });
    });
  });
}

const s3 = await startS3rver();
const proxy = await delayingProxy(s3.port, DELAY_MS);
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const direct = new S3Client({
  region: 'us-east-1',
  endpoint: `http://127.0.0.1:${s3.port}`,
  forcePathStyle: true,
  credentials,
});
const delayed = new S3Client({
  region: 'us-east-1',
  endpoint: `http://127.0.0.1:${proxy.port}`,
  forcePathStyle: true,
  credentials,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
const env = {
  RAW_BUCKET: BUCKET,
  RAW_DIR: '',
  S3_ENDPOINT: `http://127.0.0.1:${proxy.port}`,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
};
const a = scratch();
const b = scratch();
const dir = await mkdtemp(join(tmpdir(), 'clicktrail-s3bench-'));
try {
  // Raw objects spread over the last DAYS days by receive time, ending an hour ago.
  const now = Date.now();
  const first = now - DAYS * DAY;
  const span = DAYS * DAY - 3_600_000;
  const keys = [];
  const generated = process.hrtime.bigint();
  await pool(
    Array.from({ length: OBJECTS }, (_, o) => o),
    16,
    async (o) => {
      const received = first + Math.floor((o * span) / OBJECTS);
      const body = [];
      for (let k = 0; k < PER_OBJECT; k += 1)
        body.push(line(o * PER_OBJECT + k, received - 5_000 + k, o));
      const key = keyFor(received, o);
      keys.push(key);
      await direct.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: gzipSync(body.join('\n')) }),
      );
    },
  );
  keys.sort();
  console.info(
    `generated ${OBJECTS.toLocaleString('en')} objects of ${PER_OBJECT} events in s3rver (${seconds(generated).toFixed(0)} s); ` +
      `every GET through the proxy waits ${DELAY_MS} ms; concurrency ${CONCURRENCY}`,
  );

  // Baseline: GET + gunzip of the same objects, same concurrency, nothing else.
  let baseLines = 0;
  const baseStarted = process.hrtime.bigint();
  await pool(keys, CONCURRENCY, async (key) => {
    const object = await delayed.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    const text = gunzipSync(Buffer.from(await object.Body.transformToByteArray())).toString('utf8');
    baseLines += text.split('\n').length;
  });
  const baseSeconds = seconds(baseStarted);

  await etl(['migrate', '--database-url', a.url], env);
  const load = await etl(
    ['run', '--database-url', a.url, '--concurrency', String(CONCURRENCY)],
    env,
  );
  const rows = load.summary.rows_loaded;
  const loadSeconds = load.summary.load_ms / 1000;
  const etlObjectsPerS = load.summary.objects / loadSeconds;
  const baseObjectsPerS = OBJECTS / baseSeconds;

  // psql \copy of the same rows into an empty table of the same schema.
  const columns = psql(
    a.url,
    '-At',
    '-c',
    `SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
     WHERE table_name = 'clickstream_events' AND column_name NOT IN ('loaded_at')
       AND is_generated = 'NEVER'`,
  ).trim();
  const csv = join(dir, 'rows.csv');
  psql(a.url, '-c', `\\copy (SELECT ${columns} FROM clickstream_events) TO '${csv}' CSV`);
  await etl(['migrate', '--database-url', b.url], env);
  const copyStarted = process.hrtime.bigint();
  psql(b.url, '-c', `\\copy clickstream_events (${columns}) FROM '${csv}' CSV`);
  const copySeconds = seconds(copyStarted);

  // One new object, received now, in a warehouse holding everything above.
  const fresh = [];
  for (let k = 0; k < PER_OBJECT; k += 1)
    fresh.push(line(OBJECTS * PER_OBJECT + k, Date.now() - 1_000 + k, OBJECTS));
  await direct.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: keyFor(Date.now(), OBJECTS),
      Body: gzipSync(fresh.join('\n')),
    }),
  );
  const incremental = await etl(['run', '--database-url', a.url], env);

  const f = (n) => Math.round(n).toLocaleString('en');
  console.info(
    `baseline GET+gunzip: ${f(baseObjectsPerS)} objects/s, ${f(baseLines / baseSeconds)} lines/s\n` +
      `ETL load phase (list, GET, gunzip, parse, validate, COPY, commit): ${f(etlObjectsPerS)} objects/s, ` +
      `${f(rows / loadSeconds)} rows/s; ratio ${(etlObjectsPerS / baseObjectsPerS).toFixed(2)} (goal >= 0.5)\n` +
      `ETL end to end (CLI start, migrate check, load, derive ${f(load.summary.derive_ms)} ms): ${f(rows / load.seconds)} rows/s; ` +
      `psql \\copy ${f(rows / copySeconds)} rows/s; ratio ${(copySeconds / load.seconds).toFixed(2)} (goal >= 0.5)\n` +
      `ETL peak RSS ${load.rssMb} MB for ${f(rows)} rows (${load.summary.duplicates} duplicates)\n` +
      `incremental run, 1 new object in a warehouse of ${f(rows)} events: ${incremental.seconds.toFixed(2)} s wall ` +
      `(${incremental.summary.duration_ms} ms in the run: listed ${incremental.summary.full_scan ? 'everything' : 'the recent days'}, ` +
      `loaded ${incremental.summary.objects} object, derive ${incremental.summary.derive_ms} ms); goal < 2 s; peak RSS ${incremental.rssMb} MB`,
  );
  if (rows !== OBJECTS * PER_OBJECT)
    throw new Error(`loaded ${rows} rows, expected ${OBJECTS * PER_OBJECT}`);
} finally {
  a.drop();
  b.drop();
  proxy.close();
  s3.stop();
  direct.destroy();
  delayed.destroy();
  await rm(dir, { recursive: true, force: true });
  await rm(s3.dir, { recursive: true, force: true });
}
