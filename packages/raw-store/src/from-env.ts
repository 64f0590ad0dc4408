import { resolve } from 'node:path';
import { LocalFolderStore } from './local-folder-store.js';
import type { RawStore } from './raw-store.js';
import { S3Store } from './s3-store.js';

export const DEFAULT_RAW_DIR = '.clicktrail/raw';

export interface RawStoreSettings {
  RAW_BUCKET?: string | undefined;
  RAW_DIR?: string | undefined;
  AWS_REGION?: string | undefined;
  S3_ENDPOINT?: string | undefined;
}

/**
 * Picks the raw store from settings (the environment, or CLI flags over it):
 * `RAW_BUCKET` (+ `AWS_REGION`, `S3_ENDPOINT`) for S3, else `RAW_DIR`, else `.clicktrail/raw`.
 */
export function rawStoreFromSettings(settings: RawStoreSettings = process.env): RawStore {
  if (settings.RAW_BUCKET) {
    return new S3Store({
      bucket: settings.RAW_BUCKET,
      region: settings.AWS_REGION,
      endpoint: settings.S3_ENDPOINT,
    });
  }
  return new LocalFolderStore(resolve(settings.RAW_DIR ?? DEFAULT_RAW_DIR));
}
