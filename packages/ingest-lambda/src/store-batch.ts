import { type RawStore, rawObjectKey } from '@clicktrail/raw-store';
import type { HttpApiResult } from './api-gateway.js';
import type { RequestFacts } from './enrich.js';
import { eventLines, gzipNdjson, rejectedLines } from './raw-objects.js';
import { acceptedResult, errorResult } from './responses.js';
import { sortEvents } from './sort-events.js';
import { withinTimeout } from './store-timeout.js';

/**
 * Sorts the events, writes one `events/` object for the accepted ones and one `rejected/`
 * object for the refused ones, and answers 200 only once both are stored. A failed write
 * or one slower than `timeoutMs` answers 503 so the client retries the whole batch; the ETL
 * drops repeated event ids.
 */
export async function storeBatch(
  store: RawStore,
  facts: RequestFacts,
  events: readonly unknown[],
  cors: Record<string, string>,
  stats: Record<string, unknown>,
  timeoutMs: number,
): Promise<HttpApiResult> {
  const { accepted, rejected, dropped } = sortEvents(events, facts);
  Object.assign(stats, {
    accepted: accepted.length,
    rejected: rejected.length,
    dropped_attributes: dropped.length,
  });
  try {
    // Accepted events first: when this write fails nothing at all has been stored.
    if (accepted.length > 0) {
      const body = gzipNdjson(eventLines(accepted));
      const key = rawObjectKey('events', facts.receivedAt);
      await withinTimeout(store.put(key, body), timeoutMs, `writing ${key}`);
      stats.bytes_stored = body.length;
    }
    if (rejected.length > 0 || dropped.length > 0) {
      const body = gzipNdjson(rejectedLines(facts, events, rejected, dropped));
      const key = rawObjectKey('rejected', facts.receivedAt);
      await withinTimeout(store.put(key, body), timeoutMs, `writing ${key}`);
    }
  } catch (error) {
    // The cause goes to the log only; callers learn just that they should retry.
    stats.error = `${(error as Error)?.name}: ${(error as Error)?.message}`;
    return errorResult(503, 'the raw store is unavailable, retry later', {
      'retry-after': '5',
      ...cors,
    });
  }
  return acceptedResult(accepted.length, rejected, dropped, cors);
}
