import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LocalFolderStore } from '@clicktrail/raw-store';
import { type RawEvent, testEvent } from '@clicktrail/sdk/schema';

let counter = 0;

/** A valid raw line: the schema's test event as ingest stores it; ids are unique unless given. */
export function rawEvent(overrides: Partial<RawEvent> = {}): RawEvent {
  counter += 1;
  const time = overrides.event_timestamp ?? Date.UTC(2026, 10, 20, 10, 0, 0);
  return {
    ...testEvent({
      event_id: `evt_${String(counter).padStart(12, '0')}_${Math.random().toString(36).slice(2, 8)}`,
      event_name: 'page_view',
      event_timestamp: time,
      client_id: 'client-a',
      session_id: 'session-a',
      is_first_visit: false,
      page_url: 'https://shop.example/',
      page_title: 'Home',
      product: null,
      attributes: {},
    }),
    raw_version: 1,
    received_at: time + 1_000,
    request_id: 'req-1',
    sent_at: time + 500,
    clock_skew_ms: 500,
    device_timestamp: time,
    client_ip: '203.0.113.0',
    user_agent: 'vitest',
    ...overrides,
  };
}

export const ndjson = (lines: readonly (RawEvent | string)[]): string =>
  lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');

export async function tempStore(): Promise<LocalFolderStore> {
  return new LocalFolderStore(await mkdtemp(join(tmpdir(), 'clicktrail-etl-')));
}

/** Writes `events/YYYY/MM/DD/<stamp>-<suffix>.ndjson.gz` for a receive time. */
export async function putObject(
  store: LocalFolderStore,
  receivedAt: number,
  lines: readonly (RawEvent | string)[],
  suffix = 'aaaaaaaaaaaa',
): Promise<string> {
  const d = new Date(receivedAt).toISOString();
  const stamp = `${d.slice(0, 10).replaceAll('-', '')}T${d.slice(11, 23).replaceAll(':', '').replace('.', '')}Z`;
  const key = `events/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${stamp}-${suffix}.ndjson.gz`;
  await store.put(key, gzipSync(ndjson(lines)));
  return key;
}
