import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { beforeEach, describe, expect, it } from 'vitest';
import { LocalFolderStore } from './local-folder-store.js';
import { type RawObject, RawStoreError } from './raw-store.js';

let root: string;
let store: LocalFolderStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'raw-store-'));
  store = new LocalFolderStore(root);
});

const listed = async (prefix: string, startAfter?: string) => {
  const objects: RawObject[] = [];
  for await (const object of store.list(prefix, startAfter ? { startAfter } : {})) {
    objects.push(object);
  }
  return objects;
};
const keysOf = async (prefix: string, startAfter?: string) =>
  (await listed(prefix, startAfter)).map((object) => object.key);

describe('LocalFolderStore', () => {
  it('writes an object under its key and reads it back', async () => {
    await store.put('events/2026/01/02/a.ndjson.gz', Buffer.from('hello'));

    expect(await readFile(join(root, 'events/2026/01/02/a.ndjson.gz'), 'utf8')).toBe('hello');
    expect(await text(await store.get('events/2026/01/02/a.ndjson.gz'))).toBe('hello');
  });

  it('lists a file whose name no key may hold, and refuses only to read it', async () => {
    await store.put('events/2026/01/02/a', Buffer.from('a'));
    await writeFile(join(root, 'events/2026/01/02/b\\c'), 'stray');

    expect(await keysOf('events/')).toEqual(['events/2026/01/02/a', 'events/2026/01/02/b\\c']);
    await expect(store.get('events/2026/01/02/b\\c')).rejects.toThrow(RawStoreError);
  });

  it('lists keys under a prefix in key order, after startAfter, with sizes', async () => {
    for (const key of ['events/2026/01/03/b', 'events/2026/01/02/c', 'rejected/2026/01/02/a']) {
      await store.put(key, Buffer.from(key));
    }

    expect(await keysOf('events/')).toEqual(['events/2026/01/02/c', 'events/2026/01/03/b']);
    expect(await keysOf('events/2026/01/0', 'events/2026/01/02/c')).toEqual([
      'events/2026/01/03/b',
    ]);
    expect(await keysOf('')).toHaveLength(3);
    const [first] = await listed('rejected/');
    expect(first).toMatchObject({
      key: 'rejected/2026/01/02/a',
      size: 21,
      etag: expect.any(String),
    });
  });

  it('lists nothing for a prefix that does not exist yet', async () => {
    expect(await keysOf('events/2030/')).toEqual([]);
  });

  it('never lists a temp file left by a write that crashed', async () => {
    await store.put('events/2026/01/02/a', Buffer.from('whole'));
    await writeFile(join(root, 'events/2026/01/02/b.tmp-1234abcd'), 'half');

    expect(await keysOf('events/')).toEqual(['events/2026/01/02/a']);
  });

  it('leaves neither object nor temp file when a write fails', async () => {
    await store.put('events/2026/01/02/a', Buffer.from('x'));
    // A folder where the object should go makes the rename fail after the temp file is written.
    await store.put('events/2026/01/02/b/inner', Buffer.from('x'));

    await expect(store.put('events/2026/01/02/b', Buffer.from('y'))).rejects.toThrow();

    expect((await readdir(join(root, 'events/2026/01/02'))).sort()).toEqual(['a', 'b']);
  });

  it('refuses keys that would leave its folder', async () => {
    for (const key of ['../x', 'events/../../x', '/etc/passwd', 'a\\b', 'a/./b']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(RawStoreError);
    }
  });

  it('says which object is missing', async () => {
    await store.put('events/2026/01/02/a', Buffer.from('x'));

    await expect(store.get('events/2026/01/02/zz')).rejects.toThrow(
      /no object events\/2026\/01\/02\/zz/,
    );
    await expect(store.get('events/2026/01/02')).rejects.toThrow(RawStoreError);
  });
});
