export type { RawStoreSettings } from './from-env.js';
export { DEFAULT_RAW_DIR, rawStoreFromSettings } from './from-env.js';
export type { RawKind } from './keys.js';
export { dayOfKey, dayPrefix, rawObjectKey, timeSortableId } from './keys.js';
export { LocalFolderStore } from './local-folder-store.js';
export type { RawObject, RawStore } from './raw-store.js';
export { RawStoreError } from './raw-store.js';
export type { S3StoreOptions } from './s3-store.js';
export { createS3Client, S3Store } from './s3-store.js';
