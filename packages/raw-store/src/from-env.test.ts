import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RAW_DIR, rawStoreFromSettings } from './from-env.js';
import { LocalFolderStore } from './local-folder-store.js';
import { S3Store } from './s3-store.js';

describe('rawStoreFromSettings', () => {
  it('picks S3 when RAW_BUCKET is set, even with RAW_DIR', () => {
    const store = rawStoreFromSettings({
      RAW_BUCKET: 'b',
      RAW_DIR: '/tmp/x',
      AWS_REGION: 'eu-west-1',
    });

    expect(store).toBeInstanceOf(S3Store);
    expect(store.location).toBe('s3://b');
  });

  it('picks the RAW_DIR folder, resolved to an absolute path', () => {
    const store = rawStoreFromSettings({ RAW_DIR: 'some/dir' });

    expect(store).toBeInstanceOf(LocalFolderStore);
    expect(store.location).toBe(resolve('some/dir'));
  });

  it('falls back to .clicktrail/raw', () => {
    expect(rawStoreFromSettings({}).location).toBe(resolve(DEFAULT_RAW_DIR));
  });
});
