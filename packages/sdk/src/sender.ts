import { packBatches } from './batches.js';
import { log } from './log.js';
import type { Queue } from './queue.js';
import { backoffMs, outcomeOf } from './retry.js';
import type { ClickstreamEvent } from './schema/event.js';
import { LIMITS } from './schema/limits.js';
import { batchBody, postBatch } from './transport.js';

export interface Sender {
  /** Sends after `delay` unless a send is due sooner or failed sends wait for their retry. */
  schedule(delay: number): void;
  /** Sends everything waiting now, retry or not; resolves when done or a retry is scheduled. */
  flush(): Promise<void>;
  stop(): void;
}

/** Failed sends in a row after which the sender waits for `online`, `flush()` or a page load. */
export const MAX_RETRIES = 10;

/**
 * Batches the queue to the endpoint, one batch at a time, under the server's event and byte
 * limits (`maxBatchEvents` is at most the server's `LIMITS.maxBatchEvents`), with backoff on
 * failure that only `flush()` (and `online`, a page load) cuts short. Positional parameters:
 * an options object would keep its property names in the script-tag build.
 */
export function createSender(endpoint: string, queue: Queue, maxBatchEvents: number): Sender {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * When the scheduled send fires, epoch ms; 0 when none is scheduled; -1 while failed sends
   * wait for their retry (or were given up on), which new events never hurry.
   */
  let due = 0;
  let failures = 0;
  let running: Promise<void> | undefined;
  let stopped = false;

  const wake = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  };

  const schedule = (delay: number) => {
    if (stopped || (due && Date.now() + delay >= due)) return;
    due = Date.now() + delay;
    wake(delay);
  };

  /** Sends one batch, halving it on 413; false when the rest must wait for a retry. */
  const send = async (batch: ClickstreamEvent[]): Promise<boolean> => {
    const answer = await postBatch(endpoint, batchBody(batch));
    const outcome = outcomeOf(answer.status);
    if (outcome === 'retry') {
      due = -1;
      // Never sooner than the backoff, whatever Retry-After says (0, a date already past).
      const delay = Math.max(answer.retryAfterMs, backoffMs(failures));
      // Past the cap, only `online`, `flush()` or the next page load try again.
      if (failures++ < MAX_RETRIES) {
        log(`retry in ${delay} ms`, answer.status);
        wake(delay);
      }
      return false;
    }
    const half = batch.length >> 1;
    if (answer.status === 413 && half) {
      return (await send(batch.slice(0, half))) && send(batch.slice(half));
    }
    failures = 0;
    // 413 for one event: too large alone, refused for ever.
    log(`${outcome} ${batch.length}, status ${answer.status}`);
    await queue.remove(batch.map((event) => event.event_id));
    return true;
  };

  const drain = async () => {
    const events = await queue.pending();
    for (const batch of packBatches(events, maxBatchEvents, LIMITS.maxBodyBytes)) {
      if (stopped || !(await send(batch))) return;
    }
  };

  // One tab sends the shared queue at a time (the queue's lease), so tabs never send it twice.
  const locked = () => queue.exclusive(drain);

  function flush(): Promise<void> {
    // A flush asked for during a send runs after it, so it sees what was queued meanwhile.
    if (running) return running.then(flush);
    clearTimeout(timer);
    due = 0;
    const run = locked()
      .catch((error) => {
        log('failed', error);
      })
      .finally(() => {
        running = undefined;
      });
    running = run;
    return run;
  }

  return {
    schedule,
    flush,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
