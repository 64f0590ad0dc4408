import type { LoginState } from './schema/event.js';

export type Consent = 'granted' | 'pending' | 'denied';

export interface ClickstreamOptions {
  /** Where batches are POSTed, e.g. `https://api.example.com/clickstream`. */
  endpoint: string;
  /** Identifies the site or app in the warehouse. */
  appId: string;
  /** Record a `page_view` on load and on SPA navigation. Default `true`. */
  autoPageViews?: boolean;
  /** Inactivity after which the next event starts a new session. Default 30 minutes. */
  sessionTimeoutMs?: number;
  /** How long events wait to be batched. Default 5 s. */
  flushIntervalMs?: number;
  /** Events per request. Default 50. */
  maxBatchEvents?: number;
  /** Events kept while the endpoint is unreachable; the oldest go first. Default 1,000. */
  maxQueueEvents?: number;
  /** Default `'granted'`. `'pending'` holds events until granted; `'denied'` drops them. */
  consent?: Consent;
  /** Record in browsers whose user agent looks like a bot or headless browser. Default `false`. */
  trackBots?: boolean;
  /** Record nothing when `navigator.doNotTrack` or Global Privacy Control is on. Default `false`. */
  respectDoNotTrack?: boolean;
  /** Log what is queued, sent, retried and dropped to the console. Default `false`. */
  debug?: boolean;
}

export type ResolvedOptions = Required<ClickstreamOptions>;

/** The defaults the client applies; the options left out are off when absent. */
export const CLIENT_DEFAULTS = {
  autoPageViews: true,
  sessionTimeoutMs: 1_800_000,
  flushIntervalMs: 5_000,
  maxBatchEvents: 50,
  maxQueueEvents: 1_000,
  consent: 'granted',
} as const satisfies Partial<ResolvedOptions>;

export const DEFAULTS = {
  ...CLIENT_DEFAULTS,
  trackBots: false,
  respectDoNotTrack: false,
  debug: false,
} as const satisfies Omit<ResolvedOptions, 'endpoint' | 'appId'>;

export interface User {
  userId: string;
  /** Default `'logged_in'`. */
  loginState?: LoginState;
  /** Where the id comes from, e.g. `'cognito'`. Default `null`. */
  identitySource?: string | null;
}
