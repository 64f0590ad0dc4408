import type { PlannedBatch } from './batches.js';

/** The ingest API refused events or stayed unreachable: the ledger would not hold. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

export interface DeliveryReport {
  requests: number;
  accepted: number;
  /** Answers 503 or network errors that were retried. */
  retries: number;
}

export interface DeliveryOptions {
  endpoint: string;
  concurrency?: number;
  /** How long to keep retrying one request through 503s and refused connections. */
  retryForMs?: number;
  userAgent?: (batch: PlannedBatch) => string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts every batch as the SDK does (`text/plain`, `{ sent_at, events }`), with `sent_at`
 * taken at send time: ingest's skew correction (`received_at - sent_at`) is then a few ms,
 * so historical event times stay historical. Retries 503s and connection errors like the
 * SDK's queue; any refused event fails the delivery.
 */
export async function postBatches(
  batches: readonly PlannedBatch[],
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { requests: 0, accepted: 0, retries: 0 };
  const queue = batches.flatMap((batch) => Array.from({ length: batch.copies }, () => batch));
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const batch = queue[next] as PlannedBatch;
      next += 1;
      // Read the count only after the await: another worker may have added to it meanwhile.
      const accepted = await postOne(batch, options, report);
      report.accepted += accepted;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return report;
}

async function postOne(
  batch: PlannedBatch,
  options: DeliveryOptions,
  report: DeliveryReport,
): Promise<number> {
  const deadline = Date.now() + (options.retryForMs ?? 120_000);
  for (let attempt = 0; ; attempt += 1) {
    let problem: string;
    try {
      const response = await fetch(options.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'user-agent': options.userAgent?.(batch) ?? 'clicktrail-traffic',
        },
        body: JSON.stringify({ sent_at: Date.now(), events: batch.events }),
      });
      report.requests += 1;
      const text = await response.text();
      if (response.status === 200) {
        const answer = JSON.parse(text) as { accepted: number; rejected: unknown[] };
        if (answer.rejected.length > 0) {
          throw new DeliveryError(
            `ingest refused events: ${JSON.stringify(answer.rejected).slice(0, 300)}`,
          );
        }
        return answer.accepted;
      }
      if (response.status !== 503) {
        throw new DeliveryError(`ingest answered ${response.status}: ${text.slice(0, 200)}`);
      }
      problem = `503 ${text.slice(0, 100)}`;
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      problem = (error as Error).message;
    }
    if (Date.now() > deadline) {
      throw new DeliveryError(`gave up on a batch after ${attempt + 1} tries; last: ${problem}`);
    }
    report.retries += 1;
    await sleep(Math.min(2_000, 100 * 2 ** attempt));
  }
}
