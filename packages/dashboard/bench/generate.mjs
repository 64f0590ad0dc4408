// Raw objects as ingest writes them (events/YYYY/MM/DD/<id>.ndjson.gz), for shoppers over
// `days` days ending at `end`: sessions of page views, product views, carts, checkouts and
// purchases (with transaction ids, values, and a share reloaded), first visits, two apps.
// Seeded, so every run generates the same events. The ETL bench's generator packs every
// event into a few hours; the dashboard needs its ranges spread over days.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
];
const REFERRERS = [
  null,
  null,
  'https://www.google.com/',
  'https://mail.example.com/',
  'https://news.example.org/a',
];
const pad = (n, w = 2) => String(n).padStart(w, '0');

/**
 * Writes about `events` events; returns how many lines and objects were written.
 * `idPrefix` keeps a second batch's event ids apart from the first's; `receivedAt` puts
 * every object in that receive day (a late batch, as a routine ETL run would find it);
 * `firstVisits: false` for shoppers who have been before.
 */
export async function generateTraffic(
  dir,
  {
    events,
    days = 90,
    end = Date.UTC(2026, 10, 30),
    seed = 1,
    idPrefix = 'bench_',
    receivedAt,
    firstVisits = true,
  },
) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const start = end - days * 86_400_000;
  const clients = Math.max(100, Math.round(events / 30));
  const seen = new Set();
  let buffer = [];
  let lines = 0;
  let objects = 0;
  let id = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const received = receivedAt ?? buffer[buffer.length - 1].received_at;
    const d = new Date(received);
    const folder = join(
      dir,
      'events',
      `${d.getUTCFullYear()}`,
      pad(d.getUTCMonth() + 1),
      pad(d.getUTCDate()),
    );
    await mkdir(folder, { recursive: true });
    const name = `${d.toISOString().replace(/[-:]/g, '').replace('.', '').slice(0, 18)}Z-${pad(objects, 12)}.ndjson.gz`;
    await writeFile(join(folder, name), gzipSync(buffer.map((e) => JSON.stringify(e)).join('\n')));
    objects += 1;
    buffer = [];
  };
  // Sessions in time order, so objects are in receive order as ingest would write them.
  const sessions = Math.round(events / 8);
  for (let s = 0; s < sessions && lines < events; s += 1) {
    const begin = start + Math.floor((s / sessions) * (end - start)) + Math.floor(rand() * 60_000);
    const client = Math.floor(rand() ** 2 * clients);
    const clientId = `c-${client.toString(36)}`;
    const app = client % 10 === 0 ? 'blog' : 'shop';
    const base = app === 'shop' ? 'https://shop.example' : 'https://blog.example';
    const ua = AGENTS[client % AGENTS.length];
    const referrer = pick(REFERRERS);
    const utm =
      rand() < 0.2
        ? `?utm_source=${pick(['news', 'ads', 'social'])}&utm_medium=${pick(['email', 'cpc'])}&utm_campaign=c${Math.floor(rand() * 5)}`
        : '';
    const loggedIn = rand() < 0.25;
    let t = begin;
    const session = `${clientId}-s${s.toString(36)}`;
    const emit = (name, path, extra = {}) => {
      id += 1;
      lines += 1;
      buffer.push({
        event_id: `${idPrefix}${id.toString(36).padStart(12, '0')}`,
        event_name: name,
        event_timestamp: t,
        app_id: app,
        client_id: clientId,
        session_id: session,
        session_number: 1,
        is_first_visit: name === 'first_visit',
        user_id: loggedIn ? `u-${client}` : null,
        user_login_state: loggedIn ? 'logged_in' : 'logged_out',
        identity_source: loggedIn ? 'cognito' : null,
        page_url: `${base}${path}`,
        page_referrer: referrer,
        page_title: 'Bench',
        product: extra.product ?? null,
        items: extra.items ?? [],
        attributes: extra.attributes ?? {},
        sdk_version: '0.1.0',
        raw_version: 1,
        received_at: receivedAt ?? t + 800,
        request_id: `req-${id}`,
        sent_at: t + 500,
        clock_skew_ms: 300,
        device_timestamp: t - 300,
        client_ip: '203.0.113.0',
        user_agent: ua,
      });
    };
    if (!seen.has(clientId)) {
      seen.add(clientId);
      if (firstVisits) emit('first_visit', `/${utm}`);
    }
    emit('page_view', `/${utm}`);
    const views = Math.floor(rand() * 6);
    for (let v = 0; v < views; v += 1) {
      t += 2_000 + Math.floor(rand() * 40_000);
      const n = Math.floor(rand() ** 2 * 300);
      const product = {
        id: `p-${n}`,
        name: `Product ${n}`,
        category: `cat-${n % 12}`,
        brand: `brand-${n % 7}`,
        price: 5 + (n % 40),
        discount_price: null,
        url_path: `/products/${n}`,
      };
      emit('page_view', `/products/${n}`);
      emit('view_item', `/products/${n}`, { product });
      if (rand() < 0.25) {
        t += 3_000;
        emit('add_to_cart', `/products/${n}`, {
          product,
          attributes: { quantity: 1 + Math.floor(rand() * 3) },
        });
        if (rand() < 0.4) {
          t += 20_000;
          emit('begin_checkout', '/checkout');
          if (rand() < 0.6) {
            t += 30_000;
            const attributes = {
              transaction_id: `T${id}`,
              value: product.price * 2,
              currency: 'EUR',
            };
            // As the SDK sends a purchase: its lines in items, no product context of its own.
            const items = [{ ...product, quantity: 2 }];
            emit('purchase', `/orders/${id}`, { attributes, items });
            if (rand() < 0.1) emit('purchase', `/orders/${id}`, { attributes, items });
          }
        }
      }
    }
    if (buffer.length >= 500) await flush();
  }
  await flush();
  return { lines, objects, clients: seen.size };
}
