// Writes raw objects as ingest does: events/YYYY/MM/DD/<time-sortable id>.ndjson.gz,
// gzip NDJSON, one RawEvent per line. A share of events repeats an earlier one
// (a client retry), so the load has duplicates to drop.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const NAMES = ['page_view', 'page_view', 'page_view', 'view_item', 'add_to_cart', 'purchase'];

function event(i, time) {
  const client = `client-${(i % 5000).toString().padStart(6, '0')}`;
  const product =
    i % 3 === 0
      ? {
          id: `p-${i % 200}`,
          name: 'Ceramic mug',
          category: 'kitchen',
          brand: 'Acme',
          price: 12.5,
          discount_price: null,
          url_path: '/products/mug',
        }
      : null;
  return {
    event_id: `bench_${i.toString(36).padStart(12, '0')}`,
    event_name: NAMES[i % NAMES.length],
    event_timestamp: time,
    app_id: 'shop',
    client_id: client,
    session_id: `${client}-s${Math.floor(i / 50000)}`,
    session_number: 1,
    is_first_visit: false,
    user_id: i % 4 === 0 ? `user-${i % 5000}` : null,
    user_login_state: i % 4 === 0 ? 'logged_in' : 'logged_out',
    identity_source: i % 4 === 0 ? 'cognito' : null,
    page_url: `https://shop.example/products/${i % 200}?ref=home`,
    page_referrer: 'https://shop.example/',
    page_title: 'Ceramic mug – Example shop',
    product,
    attributes: { list: 'home', position: i % 20 },
    sdk_version: '0.1.0',
    raw_version: 1,
    received_at: time + 800,
    request_id: `req-${Math.floor(i / 100)}`,
    sent_at: time + 500,
    clock_skew_ms: 300,
    device_timestamp: time - 300,
    client_ip: '203.0.113.0',
    user_agent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** `events` events in objects of `perObject`; `duplicateShare` of lines repeat earlier ones. */
export async function generateRaw(dir, { events, perObject = 500, duplicateShare = 0.02 }) {
  const start = Date.UTC(2026, 10, 20, 8, 0, 0);
  let unique = 0;
  let lines = 0;
  for (let object = 0; lines < events; object += 1) {
    const received = start + object * 1000;
    const d = new Date(received);
    const day = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
    const id = `${d.toISOString().replace(/[-:]/g, '').replace('.', '').slice(0, 18)}Z-${pad(object, 12)}`;
    const body = [];
    for (let k = 0; k < perObject && lines < events; k += 1, lines += 1) {
      const repeat = unique > 0 && (lines * 7919) % 1000 < duplicateShare * 1000;
      const i = repeat ? (lines * 104729) % unique : unique++;
      body.push(JSON.stringify(event(i, start + i * 10)));
    }
    await mkdir(join(dir, 'events', day), { recursive: true });
    await writeFile(join(dir, 'events', day, `${id}.ndjson.gz`), gzipSync(body.join('\n')));
  }
  return { lines, unique };
}
