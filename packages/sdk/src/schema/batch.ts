import { describe, type Fields, isPlainObject, SchemaError, timestamp } from './fields.js';
import { LIMITS } from './limits.js';

export type BatchCheck =
  | { ok: true; sentAt: number | null; events: unknown[] }
  | { ok: false; status: 400 | 413; error: string };

/**
 * Checks the envelope of `POST /clickstream` (`{ sent_at, events: [...] }`), not the events:
 * each event is checked on its own so one bad event never sinks its batch.
 */
export function checkBatch(body: unknown): BatchCheck {
  if (!isPlainObject(body)) {
    return {
      ok: false,
      status: 400,
      error: `expected a JSON object {sent_at, events}, got ${describe(body)}`,
    };
  }
  const { events, sent_at: sentAt } = body;
  if (!Array.isArray(events)) {
    return { ok: false, status: 400, error: `events: expected an array, got ${describe(events)}` };
  }
  if (events.length > LIMITS.maxBatchEvents) {
    return {
      ok: false,
      status: 413,
      error: `expected at most ${LIMITS.maxBatchEvents} events per request, got ${events.length}`,
    };
  }
  if (sentAt === undefined || sentAt === null) return { ok: true, sentAt: null, events };
  try {
    // The rule every stored time follows, so the ETL can always load the envelope.
    return { ok: true, sentAt: timestamp(body as Fields, 'sent_at'), events };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, status: 400, error: error.message };
    throw error;
  }
}
