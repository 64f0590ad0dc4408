import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { type RawObject, type RawStore, RawStoreError } from './raw-store.js';

const TEMP_MARKER = '.tmp-';

/**
 * The raw store in a local folder, with the same keys as S3. Writes go to a temp file
 * that is fsynced and renamed into place, so a crash never leaves half an object.
 */
export class LocalFolderStore implements RawStore {
  constructor(readonly location: string) {}

  private path(key: string): string {
    if (key.includes('..') || key.startsWith('/')) throw new RawStoreError(`unsafe key: ${key}`);
    return join(this.location, ...key.split('/'));
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const target = this.path(key);
    const temp = `${target}${TEMP_MARKER}${randomBytes(4).toString('hex')}`;
    await mkdir(dirname(target), { recursive: true });
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(body);
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temp, { force: true });
      throw error;
    }
    await file.close();
    await rename(temp, target);
    await syncDirectory(dirname(target));
  }

  async *list(prefix: string, options: { startAfter?: string } = {}): AsyncIterable<RawObject> {
    const startAfter = options.startAfter ?? '';
    const base = this.path(prefix.slice(0, prefix.lastIndexOf('/') + 1));
    const keys = (await walk(base))
      .map((file) => relative(this.location, file).split(sep).join('/'))
      .filter((key) => key.startsWith(prefix) && key > startAfter && !key.includes(TEMP_MARKER))
      .sort();
    for (const key of keys) {
      const info = await stat(this.path(key));
      yield { key, size: info.size, etag: `${info.size}-${Math.trunc(info.mtimeMs)}` };
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.path(key);
    await stat(path).catch(() => {
      throw new RawStoreError(`no object ${key} in ${this.location}`);
    });
    return createReadStream(path);
  }
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(directory, entry.name);
      return entry.isDirectory() ? walk(path) : Promise.resolve(entry.isFile() ? [path] : []);
    }),
  );
  return nested.flat();
}

/** Makes the rename itself durable. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
