import { type ClickstreamClient, disabledClient } from './api.js';
import { createBrowserClient } from './client.js';
import { doNotTrack, isBot, isBrowser } from './environment.js';
import { log, setDebug } from './log.js';
import type { ClickstreamOptions } from './options.js';

// One client per endpoint and app, so a second call (React StrictMode, HMR) adds no page view.
const clients = new Map<string, ClickstreamClient>();

/**
 * Starts recording. Under SSR (no `window`), for bots unless `trackBots`, and with Do Not
 * Track when `respectDoNotTrack`, it returns a client that records nothing. Never throws.
 */
export function createClickstream(options: ClickstreamOptions): ClickstreamClient {
  try {
    if (!isBrowser()) return disabledClient();
    if ((!options.trackBots && isBot()) || (options.respectDoNotTrack && doNotTrack())) {
      return disabledClient();
    }
    const key = `${options.endpoint}\n${options.appId}`;
    const existing = clients.get(key);
    if (existing) return existing;
    const client = createBrowserClient(options);
    const shutdown = client.shutdown;
    client.shutdown = () => {
      clients.delete(key);
      return shutdown();
    };
    clients.set(key, client);
    return client;
  } catch (error) {
    setDebug(options?.debug);
    log('disabled', error);
    return disabledClient();
  }
}
