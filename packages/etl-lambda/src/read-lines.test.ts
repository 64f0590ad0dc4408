import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ObjectItem, RawObjectReadError, readObjectLines } from './read-lines.js';

const lines = Array.from({ length: 400 }, (_, i) =>
  JSON.stringify({ i, pad: `${'x'.repeat(300)}${i * 7919}` }),
);
const whole = gzipSync(lines.join('\n'));

async function readAll(body: Readable, slow = false): Promise<ObjectItem[]> {
  const items: ObjectItem[] = [];
  for await (const item of readObjectLines(body)) {
    items.push(item);
    // A loader waiting on the server between lines.
    if (slow) await sleep(1);
  }
  return items;
}

describe('readObjectLines', () => {
  it('reads every line of a whole object, numbered from 1', async () => {
    const items = await readAll(Readable.from([whole]));
    expect(items).toHaveLength(400);
    expect(items[399]).toEqual({ kind: 'line', line: { lineNumber: 400, text: lines[399] } });
  });

  it('yields every line that decoded before a truncation, however slow the reader', async () => {
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const decodable = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH })
      .toString('utf8')
      .split('\n');
    const items = await readAll(Readable.from([cut]), true);
    expect(items.filter((item) => item.kind === 'line')).toHaveLength(decodable.length - 1);
    expect(items.at(-1)).toEqual({
      kind: 'broken',
      lineNumber: decodable.length,
      reason: 'gzip: unexpected end of file',
      excerpt: decodable.at(-1),
    });
  });

  it('rethrows a failing store instead of calling the object broken', async () => {
    const body = new PassThrough();
    body.write(whole.subarray(0, 100));
    setTimeout(() => body.destroy(new Error('socket hang up')), 5);
    await expect(readAll(body)).rejects.toThrow(RawObjectReadError);
  });
});
