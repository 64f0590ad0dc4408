/**
 * The throughput workload, bundled by `run.mjs`: the handler on a local-folder store against
 * a baseline that only gzips and writes the bytes the handler would write for the same batch.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFolderStore, rawObjectKey } from '@clicktrail/raw-store';
import { corsPolicy } from '../src/cors.js';
import { createHandler } from '../src/handler.js';
import { silentLogger } from '../src/logger.js';
import { eventLines, gzipNdjson } from '../src/raw-objects.js';
import { sortEvents } from '../src/sort-events.js';
import { apiEvent, batchBody, NOW, wireEvent } from '../src/testing.js';

export interface Throughput {
  handlerEventsPerSecond: number;
  baselineEventsPerSecond: number;
  requests: number;
}

const BATCH = 50;

export async function measureThroughput(seconds = 3): Promise<Throughput> {
  const root = await mkdtemp(join(tmpdir(), 'clicktrail-bench-'));
  const store = new LocalFolderStore(root);
  const bodies = Array.from({ length: 200 }, () =>
    batchBody(
      Array.from({ length: BATCH }, () => wireEvent({ attributes: { plan: 'pro', step: 3 } })),
    ),
  );
  const events = bodies.map((body) =>
    apiEvent({ body, headers: { origin: 'http://localhost:3000' } }),
  );
  const handler = createHandler({
    store,
    cors: corsPolicy(undefined, ['http://localhost:3000']),
    log: silentLogger,
  });
  const facts = {
    receivedAt: NOW,
    requestId: 'bench',
    sentAt: NOW,
    clientIp: '203.0.113.0',
    userAgent: 'test-agent/1.0',
  };
  const ndjson = bodies.map((body) =>
    eventLines(sortEvents(JSON.parse(body).events, facts).accepted),
  );

  // Warm both paths so neither pays for JIT or first folder creation in the timed part.
  for (let i = 0; i < 50; i++) {
    await handler(events[i % events.length]!);
    await store.put(rawObjectKey('events', Date.now()), gzipNdjson(ndjson[i % ndjson.length]!));
  }
  // Interleaved, one request of each at a time, so load from other processes hits both alike.
  let requests = 0;
  let baselineMs = 0;
  let handlerMs = 0;
  const until = performance.now() + seconds * 2 * 1_000;
  while (performance.now() < until) {
    const i = requests++;
    const t0 = performance.now();
    await store.put(rawObjectKey('events', Date.now()), gzipNdjson(ndjson[i % ndjson.length]!));
    const t1 = performance.now();
    const result = await handler(events[i % events.length]!);
    handlerMs += performance.now() - t1;
    baselineMs += t1 - t0;
    if (result.statusCode !== 200) throw new Error(`bench request answered ${result.statusCode}`);
  }
  const perSecond = (ms: number) => (requests * BATCH) / (ms / 1_000);
  const handlerEventsPerSecond = perSecond(handlerMs);
  const baselineEventsPerSecond = perSecond(baselineMs);
  await rm(root, { recursive: true, force: true });
  return { handlerEventsPerSecond, baselineEventsPerSecond, requests };
}
