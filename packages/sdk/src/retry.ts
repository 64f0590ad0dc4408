/** What to do with a batch after the server (or the network) answered. */
export type Outcome = 'sent' | 'retry' | 'dropped';

/**
 * 2xx is acknowledged; network errors, 408, 429 and 5xx are worth retrying; other 4xx never
 * succeed (the sender halves a batch refused with 413 first).
 */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'dropped';
}

const MAX_DELAY_MS = 300_000;

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  // Past or negative waits are left to the backoff, which the sender never undercuts.
  return Number.isFinite(ms) ? Math.min(ms, MAX_DELAY_MS) : undefined;
}

/** Exponential backoff with full jitter between half and all of the step: 1 s, 2 s, 4 s … 5 min. */
export function backoffMs(attempt: number, random = Math.random): number {
  const step = Math.min(1000 * 2 ** attempt, MAX_DELAY_MS);
  return Math.round(step / 2 + (random() * step) / 2);
}
