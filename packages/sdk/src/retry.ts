/** What to do with a batch after the server (or the network) answered. */
export type Outcome = 'sent' | 'retry' | 'dropped';

/**
 * 2xx is acknowledged; network errors (status 0), 408, 429 and 5xx are worth retrying; other
 * 4xx never succeed (the sender halves a batch refused with 413 first).
 */
export const outcomeOf = (status: number): Outcome =>
  status >= 200 && status < 300
    ? 'sent'
    : status && status !== 408 && status !== 429 && status < 500
      ? 'dropped'
      : 'retry';

const MAX_DELAY_MS = 300_000;

/**
 * `Retry-After` as seconds or an HTTP date, in ms from `now`; 0 when absent, unreadable or
 * past. Short or negative waits are left to the backoff, which the sender never undercuts.
 */
export const retryAfterMs = (header: string | null, now = Date.now()): number =>
  // `Number` reads seconds (NaN for a date, 0 for an absent header); then `Date.parse`.
  Math.min(Number(header) * 1000 || Date.parse(header as string) - now, MAX_DELAY_MS) || 0;

/** Exponential backoff with full jitter between half and all of the step: 1 s, 2 s, 4 s … 5 min. */
export function backoffMs(attempt: number, random = Math.random): number {
  const step = Math.min(1000 * 2 ** attempt, MAX_DELAY_MS);
  return Math.round(step / 2 + (random() * step) / 2);
}
