import type { Readable } from 'node:stream';

/** One stored object, as a listing reports it. */
export interface RawObject {
  key: string;
  /** Changes whenever the content does; the ETL's ledger keeps it. */
  etag: string;
  size: number;
}

/**
 * The raw store port. Objects are written once and never changed; keys sort by
 * receive time (see `keys.ts`), and listings come back sorted by key.
 */
export interface RawStore {
  /** Where the objects live, for logs: `s3://bucket` or a folder path. */
  readonly location: string;
  /** Resolves only once the object is durably stored; a failure leaves no object behind. */
  put(key: string, body: Uint8Array, contentType?: string): Promise<void>;
  list(prefix: string, options?: { startAfter?: string }): AsyncIterable<RawObject>;
  get(key: string): Promise<Readable>;
}

export class RawStoreError extends Error {
  override name = 'RawStoreError';
}
