import { Readable } from 'node:stream';
import type { RawObject, RawStore } from '@clicktrail/raw-store';

export interface PrefetchLimits {
  /** Objects fetched at once (GET and body), ahead of the loader. */
  concurrency: number;
  /** Compressed bytes held ahead of the loader; an object larger than this is streamed. */
  bytes: number;
}

export const DEFAULT_PREFETCH: PrefetchLimits = { concurrency: 16, bytes: 64 * 1024 * 1024 };

type Fetched = Promise<Buffer | null>;

async function readWhole(store: RawStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Fetches a list of raw objects ahead of the loader, up to `concurrency` at once and
 * `bytes` held, in the loader's order: with 20 ms per GET, one object at a time would
 * cap a run at 50 objects/s whatever the database can take. The loader still parses and
 * writes one object after the other into one transaction, so rows stay in key order and
 * memory stays bounded by the limits. Objects the loader skips (claimed by another run)
 * are dropped as it passes them. A failed fetch surfaces when its object is opened.
 */
export class Prefetcher {
  private readonly index = new Map<string, number>();
  private readonly started = new Map<number, { fetched: Fetched; size: number }>();
  private next = 0;
  private position = 0;
  private held = 0;

  constructor(
    private readonly store: RawStore,
    private readonly objects: readonly RawObject[],
    private readonly limits: PrefetchLimits = DEFAULT_PREFETCH,
  ) {
    for (const [i, object] of objects.entries()) this.index.set(object.key, i);
    this.topUp();
  }

  /** The object's body; objects before it in the list that were never opened are dropped. */
  async open(object: RawObject): Promise<Readable> {
    const at = this.index.get(object.key);
    if (at === undefined || at < this.position) return this.store.get(object.key);
    for (let i = this.position; i < at; i += 1) this.release(i);
    this.position = at + 1;
    if (this.next <= at) this.next = at + 1;
    const entry = this.started.get(at);
    if (!entry) {
      this.topUp();
      return this.store.get(object.key);
    }
    // Counted against the limit until its body is in, then the next fetch starts.
    const body = await entry.fetched.finally(() => {
      this.release(at);
      this.topUp();
    });
    return body ? Readable.from([body]) : this.store.get(object.key);
  }

  private release(i: number): void {
    const entry = this.started.get(i);
    if (!entry) return;
    this.started.delete(i);
    this.held -= entry.size;
  }

  /** Starts fetches while both limits allow; always one, so a large object cannot stall. */
  private topUp(): void {
    while (this.next < this.objects.length && this.started.size < this.limits.concurrency) {
      const object = this.objects[this.next]!;
      // Too large to hold: left to `open`, which streams it.
      if (object.size > this.limits.bytes) {
        this.next += 1;
        continue;
      }
      if (this.started.size > 0 && this.held + object.size > this.limits.bytes) return;
      const fetched: Fetched = readWhole(this.store, object.key);
      // Kept for `open` to rethrow; never an unhandled rejection if the loader skips it.
      fetched.catch(() => undefined);
      this.started.set(this.next, { fetched, size: object.size });
      this.held += object.size;
      this.next += 1;
    }
  }
}
