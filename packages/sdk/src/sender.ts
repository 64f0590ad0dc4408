import type { Log } from './log.js';
import type { Queue } from './queue.js';
import { backoffMs } from './retry.js';
import { batchBody, postBatch } from './transport.js';

export interface Sender {
  /** Sends after `delay` unless a send is already scheduled sooner. */
  schedule(delay: number): void;
  /** Sends everything waiting now; resolves when done or when a retry has been scheduled. */
  flush(): Promise<void>;
  stop(): void;
}

interface SenderConfig {
  endpoint: string;
  queue: Queue;
  maxBatchEvents: number;
  log: Log;
}

/** Batches the queue to the endpoint, one batch at a time, with backoff on failure. */
export function createSender({ endpoint, queue, maxBatchEvents, log }: SenderConfig): Sender {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the scheduled send fires, epoch ms; 0 when none is scheduled. */
  let due = 0;
  let attempt = 0;
  let running: Promise<void> | undefined;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped || (due && Date.now() + delay >= due)) return;
    clearTimeout(timer);
    due = Date.now() + delay;
    timer = setTimeout(() => void flush(), delay);
  };

  const drain = async () => {
    const events = await queue.pending();
    for (let start = 0; start < events.length && !stopped; start += maxBatchEvents) {
      const batch = events.slice(start, start + maxBatchEvents);
      const answer = await postBatch(endpoint, batchBody(batch));
      if (answer.outcome === 'retry') {
        const delay = answer.retryAfterMs ?? backoffMs(attempt++);
        log(`retry in ${delay} ms, status ${answer.status}`);
        schedule(delay);
        return;
      }
      attempt = 0;
      log(
        `${answer.outcome === 'drop' ? 'dropped' : 'sent'} ${batch.length}, status ${answer.status}`,
      );
      await queue.remove(batch.map((event) => event.event_id));
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
        log('send failed', error);
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
