import { afterEach, beforeEach } from 'vitest';
import type { ClickstreamEvent } from '../../../src/schema/event.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

export interface Rig {
  server: TestServer;
  browser: TestBrowser;
}

/**
 * A fresh test server and a fresh Chromium profile for every test of the file, closed after
 * it. `options` are passed to `createClickstream` on the test page (defaults otherwise).
 */
export function useRig(options: Record<string, unknown> = {}): () => Rig {
  let rig: Rig | undefined;
  beforeEach(async () => {
    const [server, browser] = await Promise.all([startTestServer(options), launchBrowser()]);
    rig = { server, browser };
  });
  afterEach(async () => {
    await rig?.browser.close();
    await rig?.server.close();
    rig = undefined;
  });
  return () => {
    if (!rig) throw new Error('useRig: the rig exists only inside a test');
    return rig;
  };
}

export const names = (events: ClickstreamEvent[]): string[] =>
  events.map((event) => event.event_name);

export const ids = (events: ClickstreamEvent[]): string[] => events.map((event) => event.event_id);
