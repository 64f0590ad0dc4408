import { describe, type Fields, isPlainObject } from './fields.js';
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
  const { events, sent_at: sentAt } = body as Fields;
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
  if (
    sentAt !== undefined &&
    sentAt !== null &&
    (typeof sentAt !== 'number' || !Number.isFinite(sentAt))
  ) {
    return { ok: false, status: 400, error: `sent_at: expected epoch ms, got ${describe(sentAt)}` };
  }
  return { ok: true, sentAt: typeof sentAt === 'number' ? sentAt : null, events };
}
