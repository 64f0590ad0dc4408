/** What to do with a batch after the server (or the network) answered. */
export type Outcome = 'sent' | 'retry' | 'drop';

/** 2xx is acknowledged; network errors, 408, 429 and 5xx are worth retrying; other 4xx never succeed. */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'drop';
}

const MAX_DELAY_MS = 300_000;

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_DELAY_MS) : undefined;
}

/** Exponential backoff with full jitter between half and all of the step: 1 s, 2 s, 4 s … 5 min. */
export function backoffMs(attempt: number, random = Math.random): number {
  const step = Math.min(1000 * 2 ** attempt, MAX_DELAY_MS);
  return Math.round(step / 2 + (random() * step) / 2);
}
