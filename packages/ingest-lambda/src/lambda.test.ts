import { gzipSync } from 'node:zlib';
import { S3Store } from '@clicktrail/raw-store';
import { type RunningS3rver, startS3rver } from '@clicktrail/raw-store/testing';
import { validateRawEvent } from '@clicktrail/sdk/schema';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiEvent, batchBody, readObjects, wireEvent } from './testing.js';

let s3: RunningS3rver;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startS3rver('clickstream-s3-ingest');
});

afterAll(async () => {
  process.env = saved;
  await s3?.stop();
});

describe('the Lambda entry', () => {
  it('stores a gzip, base64 API Gateway body in the S3 bucket and logs one line', async () => {
    Object.assign(process.env, {
      RAW_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      AWS_REGION: 'eu-central-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      ALLOWED_ORIGINS: 'https://shop.example',
    });
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.resetModules();
    const { handler } = await import('./lambda.js');
    const event = wireEvent();
    const body = gzipSync(batchBody([event])).toString('base64');

    const result = await handler(
      apiEvent({
        body,
        base64: true,
        headers: { 'content-encoding': 'gzip', origin: 'https://shop.example' },
      }),
    );

    expect(result.statusCode).toBe(200);
    expect(result.headers['access-control-allow-origin']).toBe('https://shop.example');
    const lines = (
      await readObjects(new S3Store({ bucket: s3.bucket, client: s3.client }), 'events/')
    ).flat();
    expect(lines).toHaveLength(1);
    expect(validateRawEvent(lines[0])).toMatchObject({
      ok: true,
      event: { event_id: event.event_id },
    });
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toMatchObject({ status: 200, accepted: 1 });
    log.mockRestore();
  });

  it('fails its cold start when no bucket is configured', async () => {
    delete process.env.RAW_BUCKET;
    delete process.env.RAW_DIR;
    vi.resetModules();

    await expect(import('./lambda.js')).rejects.toThrow(/RAW_BUCKET is not set/);
  });
});
