import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export class RawObjectReadError extends Error {
  override name = 'RawObjectReadError';
}

/** One line of a raw object; `error` is set on the last item when the object ends badly. */
export interface RawLine {
  lineNumber: number;
  text: string;
}

export type ObjectItem =
  | { kind: 'line'; line: RawLine }
  | { kind: 'broken'; lineNumber: number; reason: string; excerpt: string };

/**
 * Streams a gzip NDJSON object line by line (flat memory). A corrupt or truncated gzip
 * does not throw: what decoded cleanly is yielded, then one `broken` item says why the
 * rest could not be read, so the loader can quarantine it and keep the good lines.
 */
export async function* readObjectLines(body: Readable): AsyncGenerator<ObjectItem> {
  const gunzip = createGunzip();
  // A failing store (network, permissions) is not a bad object: rethrow it, never quarantine.
  let storeError: Error | undefined;
  body.on('error', (error) => {
    storeError = error;
    gunzip.destroy(error);
  });
  body.pipe(gunzip);
  // A StringDecoder, so a character split across chunks stays whole.
  gunzip.setEncoding('utf8');
  let pending = '';
  let lineNumber = 0;
  try {
    for await (const chunk of gunzip) {
      pending += chunk as string;
      let start = 0;
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        const text = pending.slice(start, newline);
        lineNumber += 1;
        if (text.trim() !== '') yield { kind: 'line', line: { lineNumber, text } };
        start = newline + 1;
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
    }
  } catch (error) {
    if (storeError)
      throw new RawObjectReadError(`reading the object failed: ${storeError.message}`);
    body.unpipe(gunzip);
    body.destroy();
    yield {
      kind: 'broken',
      lineNumber: lineNumber + 1,
      reason: `gzip: ${(error as Error).message}`,
      excerpt: pending,
    };
    return;
  }
  if (pending.trim() !== '') {
    yield { kind: 'line', line: { lineNumber: lineNumber + 1, text: pending } };
  }
}
