import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawObject, RawStoreError } from './raw-store.js';
import { createS3Client, S3Store } from './s3-store.js';
import { type RunningS3rver, startS3rver } from './testing/s3rver.js';

let s3: RunningS3rver;
let store: S3Store;

beforeAll(async () => {
  s3 = await startS3rver('raw-test');
  store = new S3Store({ bucket: s3.bucket, client: s3.client });
});

afterAll(() => s3?.stop());

const listed = async (prefix: string, startAfter?: string) => {
  const objects: RawObject[] = [];
  for await (const object of store.list(prefix, startAfter ? { startAfter } : {})) {
    objects.push(object);
  }
  return objects;
};

describe('S3Store against s3rver', () => {
  it('puts an object and gets the same bytes back', async () => {
    const body = Buffer.from([0x1f, 0x8b, 0, 1, 2, 255]);

    await store.put('events/2026/01/02/a.ndjson.gz', body);

    const chunks: Buffer[] = [];
    for await (const chunk of await store.get('events/2026/01/02/a.ndjson.gz')) chunks.push(chunk);
    expect(Buffer.concat(chunks)).toEqual(body);
  });

  it('lists a prefix in key order with etags and sizes, after startAfter', async () => {
    for (const key of ['list/2026/01/03/b', 'list/2026/01/02/c', 'list/2026/01/02/d']) {
      await store.put(key, Buffer.from(key));
    }

    const all = await listed('list/');
    expect(all.map((object) => object.key)).toEqual([
      'list/2026/01/02/c',
      'list/2026/01/02/d',
      'list/2026/01/03/b',
    ]);
    expect(all[0]).toMatchObject({ size: 17, etag: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const later = await listed('list/', 'list/2026/01/02/c');
    expect(later.map((object) => object.key)).toEqual(['list/2026/01/02/d', 'list/2026/01/03/b']);
  });

  it('follows continuation tokens past one page of 1,000 keys', async () => {
    const keys = Array.from({ length: 1_005 }, (_, i) => `paged/${String(i).padStart(5, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((key) => store.put(key, Buffer.from('x'))));
    }

    const all = await listed('paged/');

    expect(all.map((object) => object.key)).toEqual(keys);
    expect((await listed('paged/', keys[999])).map((object) => object.key)).toEqual(
      keys.slice(1_000),
    );
  }, 90_000); // 1,005 PUTs to s3rver: seconds on a quiet machine, far more on a loaded one

  it('says which object is missing with a RawStoreError', async () => {
    await expect(store.get('events/nope')).rejects.toThrow(RawStoreError);
  });

  it('builds its own client from an endpoint (path style, any credentials)', async () => {
    process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
    const own = new S3Store({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'eu-west-1' });

    await own.put('own/a', Buffer.from('made by createS3Client'));

    expect(await text(await own.get('own/a'))).toBe('made by createS3Client');
    expect(own.location).toBe('s3://raw-test');
  });

  it('fails a put when the server is unreachable, leaving no object', async () => {
    const client = createS3Client({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1' });
    const down = new S3Store({ bucket: s3.bucket, client });

    await expect(down.put('down/a', Buffer.from('x'))).rejects.toThrow();
    expect(await listed('down/')).toEqual([]);
  });
});
