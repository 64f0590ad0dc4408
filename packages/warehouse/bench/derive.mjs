// node bench/derive.mjs [--events N] [--days N] [--per-session N] [--explain MS] [--keep]: the derive statement
// by statement. Fills a scratch database on DATABASE_URL (default the local server) with N
// synthetic events (default 200,000) over --days days (default 20): sessions of 15 events
// (--per-session; 1 is the shape of the ETL's S3 bench, where every event is a session)
// (page views, first visits, view_item / add_to_cart of 500 products in 20 categories and 37
// brands, checkouts, purchases with items, some recorded twice), then times each statement
// of a derive from scratch (rebuildDerived, as the ETL runs it), a full rebuild (rebuildAll), and of an incremental derive after one new object of 50
// events (a new session of a known client, a late event of an old session, a purchase
// reloaded). --explain MS prints EXPLAIN ANALYZE of every statement slower than MS ms (run
// again, in a second pass). Imports the package's source through an esbuild bundle.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const EVENTS = arg('--events', 200_000);
const DAYS = arg('--days', 20);
const EXPLAIN_MS = arg('--explain', Number.POSITIVE_INFINITY);
const at = (name) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
// --warehouse URL: no scratch database; an incremental derive on that (loaded) warehouse, of
// 40 events copied from its last hour (returning sessions), in a transaction rolled back.
const WAREHOUSE = at('--warehouse');
// --source DIR: the warehouse package's src to bundle (another checkout, for before/after).
const SOURCE = at('--source') ?? join(here, '..', 'src');
const server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

// Inside the package, so that the bundle resolves pg from its node_modules.
const out = await mkdtemp(join(here, '..', 'node_modules', '.derive-bench-'));
await build({
  entryPoints: [join(SOURCE, 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: join(out, 'warehouse.mjs'),
  packages: 'external',
  logLevel: 'warning',
  banner: {
    js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  },
});
const { DERIVE_STEPS, migrate, rebuildAll, rebuildDerived } = await import(
  pathToFileURL(join(out, 'warehouse.mjs')).href
);

if (WAREHOUSE) {
  const client = new pg.Client({ connectionString: WAREHOUSE });
  await client.connect();
  const query = client.query.bind(client);
  try {
    await query('BEGIN');
    const tables = await query(`SELECT to_regclass('daily_product_contexts') AS t`);
    if (tables.rows[0].t === null && !process.argv.includes('--old')) {
      // Migration 6 without its "mark every session dirty": filled here, once, for all days.
      const { MIGRATIONS } = await import(pathToFileURL(join(out, 'warehouse.mjs')).href);
      const six = MIGRATIONS.find((m) => m.version === 6).sql.split(
        '-- Filled by the next derive.',
      )[0];
      const started = process.hrtime.bigint();
      await query(six);
      const zone = (await query('SELECT time_zone FROM derive_state')).rows[0].time_zone;
      await query(`SELECT set_config('TimeZone', $1, true)`, [zone]);
      await query(`INSERT INTO daily_product_contexts
        SELECT event_timestamp::date, app_id, context_product_id, context_product_name,
          context_product_category, context_product_brand,
          count(*) FILTER (WHERE event_name = 'view_item'), count(*) FILTER (WHERE event_name = 'add_to_cart')
        FROM clickstream_events WHERE event_name IN ('view_item', 'add_to_cart')
          AND context_product_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`);
      console.info(
        `migration 6 applied and filled in the transaction: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`,
      );
    }
    await query(`INSERT INTO clickstream_events
      SELECT 'bench_' || md5(random()::text), event_timestamp + interval '1 second', event_name, user_id,
        user_login_state, identity_source, client_id, session_id, is_first_visit, context_product_id,
        context_product_name, context_product_category, context_product_brand, context_product_price,
        context_product_discount_price, context_product_url_path, app_id, session_number, page_url,
        page_referrer, page_title, device_timestamp, received_at, sent_at, clock_skew_ms, user_agent,
        client_ip, request_id, sdk_version, raw_version, attributes, source_object, loaded_at, items
      FROM clickstream_events
      WHERE event_timestamp > (SELECT max(event_timestamp) - interval '1 hour' FROM clickstream_events)
      LIMIT 40`);
    const times = [];
    client.query = async (sql, params) => {
      const text = typeof sql === 'string' ? sql : sql.text;
      if (text === 'BEGIN' || text === 'COMMIT') return { rows: [] };
      const started = process.hrtime.bigint();
      const result = await query(sql, params);
      times.push([text, Number(process.hrtime.bigint() - started) / 1e6]);
      return result;
    };
    const started = process.hrtime.bigint();
    const result = await rebuildDerived(client);
    const total = Number(process.hrtime.bigint() - started) / 1e6;
    console.info(
      `load ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim()}; days ${result.days.join(' ')}; sessions ${result.sessions}`,
    );
    const short = (sql) => sql.replace(/\s+/g, ' ').trim().slice(0, 110);
    console.info(`incremental derive (40 events of the last hour): ${Math.round(total)} ms`);
    for (const [sql, ms] of times)
      if (ms >= 5) console.info(`${String(Math.round(ms)).padStart(8)} ms  ${short(sql)}`);
  } finally {
    await query('ROLLBACK');
    await client.end();
    await rm(out, { recursive: true, force: true });
  }
  process.exit(0);
}

const psql = (...args) => execFileSync('psql', ['-X', '-q', server, ...args], { encoding: 'utf8' });
const name = `clicktrail_derive_bench_${randomBytes(4).toString('hex')}`;
psql('-c', `CREATE DATABASE ${name}`);
const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const client = new pg.Client({ connectionString: url });
await client.connect();

const SESSION = arg('--per-session', 15);
// One session of 15 events every so often; each client has ~4 sessions; times spread evenly
// over the days (deterministic, no random()).
const fill = (from, count, extra = '') => `
INSERT INTO clickstream_events (event_id, event_timestamp, event_name, user_id, user_login_state,
  identity_source, client_id, session_id, is_first_visit, context_product_id, context_product_name,
  context_product_category, context_product_brand, context_product_price, app_id, session_number,
  page_url, page_referrer, page_title, device_timestamp, received_at, sent_at, clock_skew_ms,
  user_agent, request_id, raw_version, attributes, source_object, items)
SELECT 'ev_' || i, t, name, CASE WHEN s % 3 = 0 THEN 'user-' || c END,
  CASE WHEN s % 3 = 0 THEN 'logged_in' ELSE 'logged_out' END,
  CASE WHEN s % 3 = 0 THEN 'cognito' END, 'client-' || c, 'c' || c || '-s' || s, k = 0 AND s < clients,
  CASE WHEN product THEN 'p-' || p END, CASE WHEN product THEN 'Product ' || p END,
  CASE WHEN product THEN 'cat-' || p % 20 END, CASE WHEN product THEN 'brand-' || p % 37 END,
  CASE WHEN product THEN 10 + p % 50 END, CASE WHEN s % 9 = 0 THEN 'blog' ELSE 'shop' END, 1 + s / clients,
  'https://shop.example/' || CASE WHEN product THEN 'products/p-' || p ELSE 'page/' || (s + k) % 40 END
    || CASE WHEN k = 0 AND s % 5 = 0 THEN '?utm_source=news&utm_medium=email' ELSE '' END,
  CASE WHEN k = 0 THEN (ARRAY['https://www.google.com/', NULL, 'https://t.co/x'])[1 + s % 3]
    ELSE 'https://shop.example/' END,
  'Title', t, t, t, 0, 'Mozilla/5.0 agent-' || c % 12, 'req-' || s, 1,
  CASE WHEN name = 'purchase' THEN jsonb_build_object('transaction_id', 'T' || s, 'currency', 'EUR')
    ELSE '{}' END,
  'events/bench-' || (i / 50) || '.ndjson.gz',
  CASE WHEN name = 'purchase' THEN jsonb_build_array(
      jsonb_build_object('id', 'p-' || p, 'category', 'cat-' || p % 20, 'brand', 'brand-' || p % 37,
        'price', 10 + p % 50, 'quantity', 1 + s % 3),
      jsonb_build_object('id', 'p-' || (p + 7) % 500, 'category', 'cat-' || (p + 7) % 20,
        'brand', 'brand-' || (p + 7) % 37, 'price', 10 + (p + 7) % 50))
    ELSE '[]' END
FROM (
  SELECT i, s, k, c, clients, p, t, name, name IN ('view_item', 'add_to_cart') AS product
  FROM (
    SELECT i, s, k, c, clients, (s * 13 + k) % 500 AS p,
      timestamptz '2026-10-01 00:00:00Z' + (s::bigint * 104729 % span) * interval '1 second'
        + k * interval '20 seconds' AS t,
      CASE WHEN k = 0 AND s < clients THEN 'first_visit'
        WHEN k % 5 = 1 THEN 'view_item' WHEN k % 7 = 3 THEN 'add_to_cart'
        WHEN k = 12 AND s % 4 = 0 THEN 'begin_checkout'
        WHEN k IN (13, 14) AND s % 10 = 0 AND (k = 14 OR s % 50 = 0) THEN 'purchase'
        ELSE 'page_view' END AS name
    FROM (SELECT i, i / ${SESSION} AS s, i % ${SESSION} AS k,
        (i / ${SESSION}) % greatest(1, ${EVENTS} / 60) AS c, greatest(1, ${EVENTS} / 60) AS clients,
        ${DAYS} * 86400 - 3600 AS span
      FROM generate_series(${from}, ${from + count - 1}) i) g) g) g ${extra}`;

/** Runs `work` with every client.query timed; answers [sql, ms] in order. */
async function timed(work) {
  const query = client.query.bind(client);
  const times = [];
  client.query = async (sql, params) => {
    const started = process.hrtime.bigint();
    const result = await query(sql, params);
    times.push([
      typeof sql === 'string' ? sql : sql.text,
      Number(process.hrtime.bigint() - started) / 1e6,
    ]);
    return result;
  };
  const started = process.hrtime.bigint();
  try {
    await work();
  } finally {
    client.query = query;
  }
  return { times, total: Number(process.hrtime.bigint() - started) / 1e6 };
}

const short = (sql) => sql.replace(/\s+/g, ' ').trim().slice(0, 110);
function report(title, { times, total }) {
  console.info(`\n${title}: ${Math.round(total).toLocaleString('en')} ms`);
  for (const [sql, ms] of times)
    if (ms >= 1) console.info(`${String(Math.round(ms)).padStart(8)} ms  ${short(sql)}`);
}

/** The same work again, with EXPLAIN ANALYZE of each statement slower than EXPLAIN_MS. */
async function explained(work, slow) {
  const query = client.query.bind(client);
  client.query = async (sql, params) => {
    const text = typeof sql === 'string' ? sql : sql.text;
    if (
      !slow.has(text) ||
      !/^\s*(WITH|INSERT|UPDATE|DELETE|SELECT|CREATE TEMP TABLE \w+ ON COMMIT DROP AS)/.test(text)
    )
      return query(sql, params);
    const plan = await query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
    console.info(`\n--- ${short(text)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    return { rows: [], rowCount: 0 };
  };
  try {
    await work();
  } finally {
    client.query = query;
  }
}

/** md5 of every derived table's rows, in a total order: equal digests, equal tables. */
async function digest() {
  const tables = [
    ...new Set(['client_keys', 'agent_keys', ...DERIVE_STEPS.flatMap((s) => s.tables)]),
  ];
  const parts = [];
  for (const table of tables) {
    const { rows } = await client.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d, count(*) AS n FROM ${table} t`,
    );
    parts.push(`${table} ${rows[0].n} ${rows[0].d.slice(0, 8)}`);
  }
  return parts.join('\n');
}

try {
  await migrate(client);
  const filled = process.hrtime.bigint();
  await client.query(fill(0, EVENTS));
  await client.query('ANALYZE');
  console.info(
    `${EVENTS.toLocaleString('en')} events over ${DAYS} days in ${(Number(process.hrtime.bigint() - filled) / 1e9).toFixed(1)} s; load ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim()}`,
  );
  const full = () => rebuildAll(client, { timeZone: 'UTC' });
  // From scratch as the ETL does it: every session marked dirty by the insert trigger.
  report(
    'derive from scratch (rebuildDerived)',
    await timed(() => rebuildDerived(client, { timeZone: 'UTC' })),
  );
  const scratch = await timed(full);
  report('rebuildAll', scratch);
  const fullDigest = await digest();
  console.info(`\ndigest after rebuildAll:\n${fullDigest}`);

  // One object: a new session of an old client on the last day, a late event of the first
  // session, a purchase of session 0 recorded again.
  const last = EVENTS - (EVENTS % SESSION);
  await client.query(fill(last + 10 * SESSION, 50));
  await client.query(`INSERT INTO clickstream_events
    SELECT 'late_' || event_id, event_timestamp - interval '1 day', event_name, user_id,
      user_login_state, identity_source, client_id, session_id, is_first_visit, context_product_id,
      context_product_name, context_product_category, context_product_brand, context_product_price,
      context_product_discount_price, context_product_url_path, app_id, session_number, page_url,
      page_referrer, page_title, device_timestamp, received_at, sent_at, clock_skew_ms, user_agent,
      client_ip, request_id, sdk_version, raw_version, attributes, source_object, loaded_at, items
    FROM clickstream_events WHERE event_id IN ('ev_30', 'ev_14')`);
  const incremental = await timed(() => rebuildDerived(client, { timeZone: 'UTC' }));
  report('incremental (one object)', incremental);
  const incrementalDigest = await digest();
  await rebuildAll(client, { timeZone: 'UTC' });
  const againDigest = await digest();
  console.info(
    `\nincremental derive ${incrementalDigest === againDigest ? 'equals' : 'DIFFERS FROM'} a full rebuild after it\n${incrementalDigest}`,
  );

  if (Number.isFinite(EXPLAIN_MS)) {
    const slow = new Set(scratch.times.filter(([, ms]) => ms >= EXPLAIN_MS).map(([sql]) => sql));
    await explained(full, slow);
  }
} finally {
  await client.end();
  if (!process.argv.includes('--keep')) psql('-c', `DROP DATABASE ${name} WITH (FORCE)`);
  else console.info(`kept ${url}`);
  await rm(out, { recursive: true, force: true });
}
