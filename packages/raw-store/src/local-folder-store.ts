import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { type RawObject, type RawStore, RawStoreError } from './raw-store.js';

const TEMP_MARKER = '.tmp-';
/** Keys are `/`-separated names; nothing that could climb out of the folder or hide a NUL. */
const UNSAFE_KEY = /(^|\/)\.\.?(\/|$)|^\/|\\|\0/;

/**
 * The raw store in a local folder, with the same keys as S3. Writes go to a temp file
 * that is fsynced and renamed into place, so a crash never leaves half an object.
 */
export class LocalFolderStore implements RawStore {
  constructor(readonly location: string) {}

  private path(key: string): string {
    if (UNSAFE_KEY.test(key)) throw new RawStoreError(`unsafe key: ${JSON.stringify(key)}`);
    return join(this.location, ...key.split('/'));
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    if (key === '' || key.endsWith('/')) throw new RawStoreError(`not an object key: ${key}`);
    const target = this.path(key);
    const temp = `${target}${TEMP_MARKER}${randomBytes(4).toString('hex')}`;
    const created = await mkdir(dirname(target), { recursive: true });
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(body);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    // Makes the rename durable, and the new day folders too when this write created them.
    await syncDirectory(dirname(target));
    if (created) await syncUpTo(dirname(target), dirname(created));
  }

  async *list(prefix: string, options: { startAfter?: string } = {}): AsyncIterable<RawObject> {
    const startAfter = options.startAfter ?? '';
    const base = this.path(prefix.slice(0, prefix.lastIndexOf('/') + 1));
    const files = (await walk(base))
      .map((file) => ({ file, key: relative(this.location, file).split(sep).join('/') }))
      .filter(({ key }) => key.startsWith(prefix) && key > startAfter && !key.includes(TEMP_MARKER))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // Stat the walked path, not `path(key)`: a stray file whose name no key may hold (a
    // backslash) is still listed, for the reader to skip, instead of failing the listing.
    for (const { file, key } of files) {
      const info = await stat(file).catch(() => null);
      // Gone since the walk (someone tidied up): a listing reports what exists.
      if (!info) continue;
      yield { key, size: info.size, etag: `${info.size}-${Math.trunc(info.mtimeMs)}` };
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.path(key);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new RawStoreError(`no object ${key} in ${this.location}`);
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

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Syncs each parent of `from` up to and including `top`, so new folders survive a crash. */
async function syncUpTo(from: string, top: string): Promise<void> {
  let directory = dirname(from);
  while (directory.length >= top.length) {
    await syncDirectory(directory);
    if (directory === top) return;
    directory = dirname(directory);
  }
}
