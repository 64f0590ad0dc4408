import { afterEach } from 'vitest';
import type { ClickstreamClient } from '../src/api.js';
import { createClickstream } from '../src/create-clickstream.js';
import type { ClickstreamOptions } from '../src/options.js';

export const ENDPOINT = 'https://collect.example.com/clickstream';
const started: ClickstreamClient[] = [];
let apps = 0;

/** A client with a fresh app id (so no earlier client is reused), shut down after the test. */
export function startClient(options: Partial<ClickstreamOptions> = {}): ClickstreamClient {
  const client = createClickstream({ endpoint: ENDPOINT, appId: `app${apps++}`, ...options });
  started.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((client) => client.shutdown()));
});
