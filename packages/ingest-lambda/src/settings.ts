import { type RawStore, type RawStoreSettings, rawStoreFromSettings } from '@clicktrail/raw-store';
import { type CorsPolicy, corsPolicy, LOCAL_ORIGINS } from './cors.js';
import { DEFAULT_STORE_TIMEOUT_MS } from './store-timeout.js';

export interface IngestSettings extends RawStoreSettings {
  /** Comma-separated origins allowed to send events; `*` for any. */
  ALLOWED_ORIGINS?: string | undefined;
  /** Milliseconds a raw-store write may take before the request is answered 503. */
  RAW_STORE_TIMEOUT_MS?: string | undefined;
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** The store and CORS policy from settings (the environment, or CLI flags over it). */
export function ingestConfig(settings: IngestSettings): {
  store: RawStore;
  cors: CorsPolicy;
  storeTimeoutMs: number;
} {
  return {
    store: rawStoreFromSettings(settings),
    cors: corsPolicy(settings.ALLOWED_ORIGINS, LOCAL_ORIGINS),
    storeTimeoutMs: storeTimeoutMs(settings.RAW_STORE_TIMEOUT_MS),
  };
}

function storeTimeoutMs(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_STORE_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new ConfigurationError(`RAW_STORE_TIMEOUT_MS: expected milliseconds > 0, got "${value}"`);
  }
  return ms;
}

/**
 * In Lambda a missing bucket must fail the cold start loudly: falling back to a local
 * folder there would answer 503 to every request instead.
 */
export function requireStoreSettings(settings: IngestSettings): void {
  if (!settings.RAW_BUCKET && !settings.RAW_DIR) {
    throw new ConfigurationError('RAW_BUCKET is not set: the ingest Lambda needs its raw bucket');
  }
}
