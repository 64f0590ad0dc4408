import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { launchChromium } from '@clicktrail/test-browser';

/**
 * Wire duplicates in real Chromium: events the endpoint received more than once (by
 * `event_id`), per 1,000 distinct events delivered. Two sessions: one tab reloading, and three
 * tabs reloading against a flaky endpoint. Every recorded event must arrive (the bench fails
 * otherwise): duplicates may only be cut without losing anything.
 */

/** The build under test: dist/clicktrail.iife.js, or another one (`BENCH_IIFE=path`, an older build). */
const IIFE = () =>
  readFileSync(
    process.env.BENCH_IIFE ?? new URL('../dist/clicktrail.iife.js', import.meta.url),
    'utf8',
  );
const CLICKS_PER_LOAD = 3;

/** Deterministic pseudo-random numbers (mulberry32): every run browses the same way. */
const random = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * The endpoint. `flaky`: of the batches, 10% fail before anything is stored (503), 10% are
 * stored and then the connection drops (a timed-out answer: the server has them, the browser
 * does not know), the rest are stored and answered 200. Only stored events are "received".
 */
async function startEndpoint(script, rng) {
  /** event_id -> for each copy received, whether its answer was lost (the client saw a failure). */
  const received = new Map();
  const endpoint = { flaky: false, received, clicks: new Set() };
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Dup</title></head>
<body><script src="/sdk.js"></script><script>
window.ct = Clicktrail.createClickstream({ endpoint: location.origin + '/clickstream', appId: 'dup', trackBots: true });
</script></body></html>`;
  const http = createServer((req, res) => {
    if (req.method === 'POST') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const roll = endpoint.flaky ? rng() : 1;
        if (roll < 0.1) return res.writeHead(503).end('{}');
        const answerLost = roll < 0.2;
        for (const event of JSON.parse(Buffer.concat(chunks).toString('utf8')).events) {
          received.set(event.event_id, [...(received.get(event.event_id) ?? []), answerLost]);
          if (event.event_name === 'bench_click') endpoint.clicks.add(event.event_id);
        }
        if (answerLost) return req.socket.destroy();
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":0}');
      });
      return;
    }
    if (req.url === '/sdk.js') return res.writeHead(200).end(script);
    if (req.url === '/favicon.ico') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  endpoint.origin = `http://127.0.0.1:${http.address().port}`;
  endpoint.close = () =>
    new Promise((resolve) => {
      http.closeAllConnections();
      http.close(resolve);
    });
  return endpoint;
}

const clicks = (endpoint) => [...endpoint.clicks].length;

/** One tab: `loads` page loads, each recording a few clicks then staying 0.2–3 s. */
async function browse(page, tab, loads, rng) {
  for (let load = 0; load < loads; load++) {
    if (load === 0) await page.goto(page.origin);
    else await page.reload();
    await page.waitForFunction(() => typeof window.ct === 'object');
    await page.evaluate(
      ({ tab, load, count }) => {
        for (let i = 0; i < count; i++) {
          window.ct.record('bench_click', { attributes: { tab, load, i } });
        }
      },
      { tab, load, count: CLICKS_PER_LOAD },
    );
    await page.waitForTimeout(200 + Math.round(rng() * 2_800));
  }
}

/** Runs a session and returns what the endpoint received; throws when an event was lost. */
async function session({ tabs, loads, flaky, seed }) {
  const endpoint = await startEndpoint(IIFE(), random(seed + 1));
  const browser = await launchChromium();
  endpoint.flaky = flaky;
  try {
    const pages = [];
    for (let tab = 0; tab < tabs; tab++) {
      const page = await browser.context.newPage();
      page.origin = endpoint.origin;
      pages.push(page);
    }
    await Promise.all(pages.map((page, tab) => browse(page, tab, loads, random(seed + 10 + tab))));
    // The end of the session: the endpoint heals and the tabs stay until everything is in.
    endpoint.flaky = false;
    const expected = tabs * loads * CLICKS_PER_LOAD;
    const deadline = Date.now() + 60_000;
    while (clicks(endpoint) < expected && Date.now() < deadline) {
      await Promise.all(pages.map((page) => page.evaluate(() => window.ct.flush())));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Let any request still in flight land before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (clicks(endpoint) < expected) {
      throw new Error(
        `lost events: ${expected - clicks(endpoint)} of ${expected} clicks never arrived`,
      );
    }
    const copies = [...endpoint.received.values()];
    const distinct = copies.length;
    const extra = copies.reduce((sum, list) => sum + list.length - 1, 0);
    // A copy that follows one whose answer the endpoint dropped is a retry only the server can
    // deduplicate; the others are the client's to avoid.
    const afterLostAnswer = copies.reduce(
      (sum, list) => sum + list.slice(0, -1).filter((answerLost) => answerLost).length,
      0,
    );
    return {
      distinct,
      extra,
      perThousand: (extra / distinct) * 1000,
      avoidablePerThousand: ((extra - afterLostAnswer) / distinct) * 1000,
    };
  } finally {
    await browser.close();
    await endpoint.close();
  }
}

export async function measureDuplicates() {
  return [
    {
      name: 'one tab, 30 reloads',
      ...(await session({ tabs: 1, loads: 30, flaky: false, seed: 1 })),
    },
    {
      name: 'three tabs, 20 reloads each, flaky endpoint',
      ...(await session({ tabs: 3, loads: 20, flaky: true, seed: 2 })),
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await measureDuplicates()) console.info(row);
}
