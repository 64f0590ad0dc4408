import { type RawStore, rawStoreFromSettings } from '@clicktrail/raw-store';
import { openWarehouse, warehouseTarget } from '@clicktrail/warehouse';
import { jsonLogger } from './log.js';
import { metricsLine } from './metrics.js';
import { DEFAULT_PREFETCH } from './prefetch.js';
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

/** A whole number ≥ 1 from the environment, or undefined when unset. */
function positiveSetting(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new ConfigurationError(`${name}: expected a whole number ≥ 1, got "${text}"`);
  }
  return n;
}

/** Time kept back from the Lambda timeout to finish the group in hand and rebuild derived tables. */
const SAFETY_MS = 90_000;

// Created once per container (it holds the S3 client), on the first configured invocation.
let store: RawStore | undefined;

/**
 * The raw store the settings name. Without `RAW_BUCKET` (or an explicit `RAW_DIR`) the
 * default folder would sit inside the deployment package, hold nothing, and every run
 * would report success while the bucket filled up: refuse instead, as ingest does.
 */
function rawStore(): RawStore {
  if (!process.env.RAW_BUCKET && !process.env.RAW_DIR) {
    throw new ConfigurationError(
      'RAW_BUCKET is not set: the ETL Lambda needs the raw bucket it loads from',
    );
  }
  store ??= rawStoreFromSettings(process.env);
  return store;
}

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
  const raw = rawStore();
  const remaining = context.getRemainingTimeInMillis?.() ?? 900_000;
  const warehouse = await openWarehouse(target);
  const client = await warehouse.connect();
  let summary: RunSummary;
  try {
    log('info', 'etl run starting', { warehouse: target.label, store: raw.location });
    summary = await runEtl(client, raw, {
      deadline: Date.now() + remaining - SAFETY_MS,
      recentDays: positiveSetting('ETL_RECENT_DAYS'),
      prefetch: {
        ...DEFAULT_PREFETCH,
        concurrency: positiveSetting('ETL_FETCH_CONCURRENCY') ?? 16,
      },
    });
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
