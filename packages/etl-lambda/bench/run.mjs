// pnpm bench (after pnpm -r build): the ETL's rows/s beside psql \copy of the same rows into
// the same server, and the ETL's peak RSS as the backlog grows. `--million` adds a 1M run;
// `--per-object N` changes the events per raw object (default 500).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRaw } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'clicktrail-etl.js');
const server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = process.argv.includes('--million')
  ? [100_000, 300_000, 1_000_000]
  : [100_000, 300_000];
const flag = process.argv.indexOf('--per-object');
/** Events per raw object: 500 is ingest's per-request maximum, 50 the SDK's default batch. */
const perObject = flag > 0 ? Number(process.argv[flag + 1]) : 500;

const psql = (url, ...args) =>
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, ...args], { encoding: 'utf8' });
const urlOf = (name) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();

function scratch() {
  const name = `clicktrail_etl_bench_${randomBytes(4).toString('hex')}`;
  psql(server, '-c', `CREATE DATABASE ${name}`);
  return { url: urlOf(name), drop: () => psql(server, '-c', `DROP DATABASE ${name} WITH (FORCE)`) };
}

/** Runs the built CLI in a child, timing it and reading its peak RSS. */
function etl(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('node', ['--import', join(here, 'rss.mjs'), bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`clicktrail-etl ${args[0]} failed: ${err}`));
      const rss = JSON.parse(err.trim().split('\n').at(-1)).maxRSS_kb;
      resolve({ seconds, rssMb: rss / 1024, summary: JSON.parse(out.trim().split('\n').at(-1)) });
    });
  });
}

async function measure(events) {
  const dir = await mkdtemp(join(tmpdir(), 'clicktrail-etl-bench-'));
  const generated = await generateRaw(join(dir, 'raw'), { events, perObject });
  const a = scratch();
  const b = scratch();
  try {
    await etl(['migrate', '--database-url', a.url]);
    const load = await etl(['run', '--raw-dir', join(dir, 'raw'), '--database-url', a.url]);
    const columns = psql(
      a.url,
      '-At',
      '-c',
      `SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
       WHERE table_name = 'clickstream_events' AND column_name <> 'loaded_at'`,
    ).trim();
    const csv = join(dir, 'rows.csv');
    psql(a.url, '-c', `\\copy (SELECT ${columns} FROM clickstream_events) TO '${csv}' CSV`);
    await etl(['migrate', '--database-url', b.url]);
    const started = process.hrtime.bigint();
    psql(b.url, '-c', `\\copy clickstream_events (${columns}) FROM '${csv}' CSV`);
    const copySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rows = load.summary.rows_loaded;
    return {
      events: generated.lines,
      unique: generated.unique,
      rows,
      duplicates: load.summary.duplicates,
      method: load.summary.load_method,
      etlRowsPerS: Math.round(rows / load.seconds),
      // The load phase alone (listing + loading, no process start-up, no derived rebuild).
      loadRowsPerS: Math.round(rows / (load.summary.load_ms / 1000)),
      copyRowsPerS: Math.round(rows / copySeconds),
      ratio: rows / load.seconds / (rows / copySeconds),
      peakRssMb: Math.round(load.rssMb),
    };
  } finally {
    a.drop();
    b.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

console.info(
  `clicktrail-etl bench against ${new URL(server).host} (objects of ${perObject} events, ~2% duplicates)`,
);
for (const events of sizes) {
  const r = await measure(events);
  if (r.rows !== r.unique) throw new Error(`loaded ${r.rows} rows, expected ${r.unique} unique`);
  console.info(
    `${events.toLocaleString('en')} events: ETL ${r.etlRowsPerS.toLocaleString('en')} rows/s end to end, ` +
      `${r.loadRowsPerS.toLocaleString('en')} in its load phase; psql \\copy ` +
      `${r.copyRowsPerS.toLocaleString('en')} rows/s; ratio ${r.ratio.toFixed(2)} end to end, ` +
      `${(r.loadRowsPerS / r.copyRowsPerS).toFixed(2)} load phase (goal >= 0.6); ` +
      `${r.duplicates} duplicates dropped; ETL peak RSS ${r.peakRssMb} MB (${r.method} method)`,
  );
}
