// Events per second the local stack takes end to end: a simulator posts the SDK's wire format
// to ingest at a fixed rate for a while, and the warehouse is watched as the ETL loads it.
// A rate is sustained when every ETL run during it loaded all that was pending in less time
// than the ETL's interval: then the lag (the interval plus one run) stays put; past that each
// run takes longer than the one before and the lag grows.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { query, sleep } from './warehouse.mjs';

const BATCH = 50;

function batchOf(appId, n) {
  const client = randomBytes(10).toString('hex');
  const session = randomBytes(10).toString('hex');
  const now = Date.now();
  const events = Array.from({ length: n }, (_, i) => ({
    event_id: randomBytes(12).toString('base64url'),
    event_name: i === 0 ? 'session_start' : i % 3 ? 'page_view' : 'view_item',
    event_timestamp: now - (n - i),
    app_id: appId,
    client_id: client,
    session_id: session,
    session_number: 1,
    is_first_visit: true,
    user_id: null,
    user_login_state: 'logged_out',
    identity_source: null,
    page_url: `http://localhost:3000/products/sku-${1000 + (i % 40)}`,
    page_referrer: null,
    page_title: 'Product',
    product:
      i % 3 === 0 && i > 0
        ? {
            id: `sku-${1000 + (i % 40)}`,
            name: 'Mug',
            category: 'Kitchen',
            brand: 'Acme',
            price: 12.5,
            discount_price: null,
            url_path: `/products/sku-${1000 + (i % 40)}`,
          }
        : null,
    items: [],
    attributes: {},
    sdk_version: 'bench',
  }));
  return JSON.stringify({ sent_at: now, events });
}

/** The ETL's run summaries so far (its log holds one JSON line per run). */
const etlRuns = (dataDir) =>
  readFileSync(join(dataDir, 'logs', 'etl.log'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"run_id"'))
    .map((line) => JSON.parse(line));

const loadedRows = async (url, appId) =>
  (
    await query(url, 'SELECT count(*)::int AS n FROM clickstream_events WHERE app_id = $1', [appId])
  )[0].n;

/** Posts `rate` events a second for `seconds`, then waits for the warehouse to catch up. */
export async function runRate(stack, { rate, seconds, etlEverySeconds, appId }) {
  const base = await loadedRows(stack.databaseUrl, appId);
  const runsBefore = etlRuns(stack.dataDir).length;
  const timeline = []; // [time, events accepted so far]
  let accepted = 0;
  let inFlight = 0;
  let failed = 0;
  const started = Date.now();
  const end = started + seconds * 1000;
  let sent = 0;
  const lags = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await sleep(1_000);
      const loaded = (await loadedRows(stack.databaseUrl, appId)) - base;
      const at = Date.now();
      // How old the newest loaded event is: when had ingest accepted that many?
      const reached = timeline.find(([, count]) => count >= loaded);
      lags.push({ at, lag: loaded === 0 ? at - started : at - (reached?.[0] ?? at) });
    }
  })();
  while (Date.now() < end) {
    // Keep to the rate over the whole run, whatever each loop turn costs.
    const target = (rate * (Date.now() - started)) / 1000;
    while (sent + BATCH <= target && inFlight < 32) {
      sent += BATCH;
      inFlight += 1;
      fetch(stack.ingestUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: batchOf(appId, BATCH),
      })
        .then(async (response) => {
          if (response.status === 200) accepted += (await response.json()).accepted;
          else failed += 1;
          timeline.push([Date.now(), accepted]);
        })
        .catch(() => {
          failed += 1;
        })
        .finally(() => {
          inFlight -= 1;
        });
    }
    await sleep(50);
  }
  while (inFlight > 0) await sleep(20);
  const postedFor = (Date.now() - started) / 1000;
  const stopped = Date.now();
  let drained = null;
  while (Date.now() - stopped < (etlEverySeconds * 3 + 30) * 1000) {
    if ((await loadedRows(stack.databaseUrl, appId)) - base >= accepted) {
      drained = Date.now() - stopped;
      break;
    }
    await sleep(250);
  }
  sampling = false;
  await sampler;
  const during = lags.filter((sample) => sample.at <= stopped);
  const maxLag = Math.max(0, ...during.map((sample) => sample.lag));
  const runs = etlRuns(stack.dataDir)
    .slice(runsBefore)
    .filter((run) => run.rows_loaded > 0);
  const longest = Math.max(0, ...runs.map((run) => run.duration_ms));
  const keptUp = runs.every(
    (run) => run.status === 'done' && run.duration_ms < etlEverySeconds * 1000,
  );
  return {
    rate,
    achieved: accepted / postedFor,
    accepted,
    failed,
    maxLagS: maxLag / 1000,
    drainS: drained === null ? null : drained / 1000,
    longestRunS: longest / 1000,
    etlRowsPerS: Math.max(
      0,
      ...runs.map((run) => run.rows_loaded / Math.max(1, run.duration_ms / 1000)),
    ),
    sustained: failed === 0 && accepted / postedFor >= rate * 0.95 && drained !== null && keptUp,
  };
}
