import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { type RawObject, type RawStore, RawStoreError } from './raw-store.js';

export interface S3StoreOptions {
  bucket: string;
  region?: string;
  /** Any S3-compatible server (s3rver, MinIO, LocalStack); path-style addressing is used. */
  endpoint?: string;
  /** Inject a client (tests, or one shared per Lambda container). */
  client?: S3Client;
}

export function createS3Client(options: Omit<S3StoreOptions, 'bucket' | 'client'>): S3Client {
  const config: S3ClientConfig = { region: options.region ?? 'us-east-1' };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.forcePathStyle = true;
    // S3-compatible servers often do not know the newer default checksums.
    config.requestChecksumCalculation = 'WHEN_REQUIRED';
    config.responseChecksumValidation = 'WHEN_REQUIRED';
  }
  return new S3Client(config);
}

/** The raw store in an S3 bucket. A put resolves only when S3 has acknowledged the object. */
export class S3Store implements RawStore {
  readonly location: string;
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.location = `s3://${options.bucket}`;
    this.client = options.client ?? createS3Client(options);
  }

  async put(key: string, body: Uint8Array, contentType = 'application/gzip'): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async *list(prefix: string, options: { startAfter?: string } = {}): AsyncIterable<RawObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          ContinuationToken: token,
          StartAfter: token ? undefined : options.startAfter,
        }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key)
          yield {
            key: item.Key,
            etag: (item.ETag ?? '').replaceAll('"', ''),
            size: item.Size ?? 0,
          };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async get(key: string): Promise<Readable> {
    const object = await this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      .catch((error: Error) => {
        // The same error as the local folder's, so callers handle one kind.
        if (error.name === 'NoSuchKey')
          throw new RawStoreError(`no object ${key} in ${this.location}`);
        throw error;
      });
    if (!object.Body) throw new RawStoreError(`no body for ${this.location}/${key}`);
    return object.Body as Readable;
  }
}
