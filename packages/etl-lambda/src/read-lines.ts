import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export class RawObjectReadError extends Error {
  override name = 'RawObjectReadError';
}

/** One line of a raw object. */
export interface RawLine {
  lineNumber: number;
  text: string;
}

export type ObjectItem =
  | { kind: 'line'; line: RawLine }
  | { kind: 'broken'; lineNumber: number; reason: string; excerpt: string };

/** Decoded text held ahead of the reader before the compressed input is paused. */
const HIGH_WATER_CHARS = 1 << 20;

/**
 * Gunzips `body` into text chunks, then returns the gzip error that ended it, if any.
 * Every byte zlib decoded before the damage comes out first: the gunzip stream is never
 * paused (pausing it, or a `for await` over it, drops its buffered output when it fails);
 * backpressure pauses the compressed input instead. A failing store rethrows.
 */
async function* gunzipText(body: Readable): AsyncGenerator<string, Error | undefined> {
  const gunzip = createGunzip();
  gunzip.setEncoding('utf8');
  const chunks: string[] = [];
  let held = 0;
  let ended = false;
  let damage: Error | undefined;
  let storeError: Error | undefined;
  let wake: () => void = () => undefined;
  const notify = () => wake();
  const feedIfRoom = () => {
    if (!ended && held <= HIGH_WATER_CHARS && !gunzip.writableNeedDrain) body.resume();
  };
  gunzip.on('data', (chunk: string) => {
    chunks.push(chunk);
    held += chunk.length;
    notify();
  });
  gunzip.on('drain', feedIfRoom);
  gunzip.on('end', () => {
    ended = true;
    notify();
  });
  gunzip.on('error', (error) => {
    damage = error;
    ended = true;
    body.destroy();
    notify();
  });
  // Fed by hand, not piped: a pipe resumes the source on every drain, whatever we hold.
  body.on('data', (chunk: Buffer) => {
    if (!gunzip.write(chunk) || held > HIGH_WATER_CHARS) body.pause();
  });
  body.on('end', () => gunzip.end());
  body.on('error', (error) => {
    if (damage) return;
    storeError = error;
    gunzip.destroy();
    notify();
  });
  try {
    while (true) {
      const chunk = chunks.shift();
      if (chunk !== undefined) {
        held -= chunk.length;
        feedIfRoom();
        yield chunk;
        continue;
      }
      if (storeError)
        throw new RawObjectReadError(`reading the object failed: ${storeError.message}`);
      if (ended) return damage;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // The reader stopped early (a failed group): release the source.
    if (!ended) {
      body.destroy();
      gunzip.destroy();
    }
  }
}

/**
 * Streams a gzip NDJSON object line by line (flat memory). A corrupt or truncated gzip
 * does not throw: every line that decoded is yielded, then one `broken` item holds the
 * unfinished text where the damage began, so the loader quarantines it and keeps the rest.
 */
export async function* readObjectLines(body: Readable): AsyncGenerator<ObjectItem> {
  const text = gunzipText(body);
  let pending = '';
  let lineNumber = 0;
  let next = await text.next();
  while (!next.done) {
    pending += next.value;
    let start = 0;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(start, newline);
      lineNumber += 1;
      if (line.trim() !== '') yield { kind: 'line', line: { lineNumber, text: line } };
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
    next = await text.next();
  }
  const damage = next.value;
  if (damage) {
    yield {
      kind: 'broken',
      lineNumber: lineNumber + 1,
      reason: `gzip: ${damage.message}`,
      excerpt: pending,
    };
  } else if (pending.trim() !== '') {
    yield { kind: 'line', line: { lineNumber: lineNumber + 1, text: pending } };
  }
}
