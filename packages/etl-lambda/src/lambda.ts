import { type RawStore, rawStoreFromSettings } from '@clicktrail/raw-store';
import { openWarehouse, warehouseTarget } from '@clicktrail/warehouse';
import { jsonLogger } from './log.js';
import { metricsLine } from './metrics.js';
import { runEtl } from './run.js';
import type { RunSummary } from './summary.js';

/** The EventBridge scheduled event (`rate(1 hour)`); only used for the logs. */
export interface ScheduledEvent {
  id?: string;
  'detail-type'?: string;
  time?: string;
}

export interface LambdaContext {
  awsRequestId?: string;
  getRemainingTimeInMillis?: () => number;
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Time kept back from the Lambda timeout to finish the group in hand and rebuild derived tables. */
const SAFETY_MS = 90_000;

// Created once per container, as the raw store holds the S3 client.
const store: RawStore = rawStoreFromSettings(process.env);

/**
 * The scheduled ETL: one run, a summary back, structured logs and EMF metrics. A second
 * invocation while one runs (EventBridge retries) finds the lock held and returns `busy`.
 */
export async function handler(event: ScheduledEvent, context: LambdaContext = {}) {
  const log = jsonLogger({ request_id: context.awsRequestId, event_id: event.id });
  const target = warehouseTarget(process.env);
  if (target.kind === 'embedded') {
    throw new ConfigurationError(
      'set DATABASE_URL or DWH_HOST: the Lambda has no embedded warehouse',
    );
  }
  const remaining = context.getRemainingTimeInMillis?.() ?? 900_000;
  const warehouse = await openWarehouse(target);
  const client = await warehouse.connect();
  let summary: RunSummary;
  try {
    log('info', 'etl run starting', { warehouse: target.label, store: store.location });
    summary = await runEtl(client, store, { deadline: Date.now() + remaining - SAFETY_MS });
  } catch (error) {
    log('error', 'etl run failed', { error: (error as Error).message });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await warehouse.close();
  }
  log('info', summary.status === 'busy' ? 'another run holds the lock' : 'etl run done', {
    summary,
  });
  console.info(metricsLine(summary));
  return summary;
}
