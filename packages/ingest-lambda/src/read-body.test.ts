import { gzipSync } from 'node:zlib';
import { LIMITS } from '@clicktrail/sdk/schema';
import { describe, expect, it } from 'vitest';
import { RequestBodyError, readBody } from './read-body.js';
import { apiEvent } from './testing.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestBodyError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a RequestBodyError');
};

describe('readBody', () => {
  it('parses a plain JSON body', () => {
    expect(readBody(apiEvent({ body: '{"events":[]}' })).json).toEqual({ events: [] });
  });

  it('decodes base64 and gunzips when Content-Encoding is gzip', () => {
    const body = gzipSync('{"events":[1]}').toString('base64');

    const read = readBody(
      apiEvent({ body, base64: true, headers: { 'Content-Encoding': 'gzip' } }),
    );

    expect(read.json).toEqual({ events: [1] });
  });

  it('refuses an empty body with 400', () => {
    expect(refusal(() => readBody(apiEvent({ body: '' })))).toMatchObject({ status: 400 });
    expect(refusal(() => readBody(apiEvent({})))).toMatchObject({ status: 400 });
  });

  it('refuses a body over the limit with 413', () => {
    const body = `{"events":[],"pad":"${'x'.repeat(LIMITS.maxBodyBytes)}"}`;
    expect(refusal(() => readBody(apiEvent({ body })))).toMatchObject({ status: 413 });
  });

  it('stops a gzip bomb at the body limit with 413', () => {
    const bomb = gzipSync(Buffer.alloc(50 * LIMITS.maxBodyBytes, 32)).toString('base64');

    const result = refusal(() =>
      readBody(apiEvent({ body: bomb, base64: true, headers: { 'content-encoding': 'gzip' } })),
    );

    expect(result).toEqual({
      status: 413,
      message: `decompressed body over ${LIMITS.maxBodyBytes} bytes`,
    });
  });

  it('refuses bad base64, bad gzip, unknown encodings, bad UTF-8 and bad JSON with 400', () => {
    const cases = [
      apiEvent({ body: '***notbase64', base64: true }),
      apiEvent({ body: 'aGVsbG8=', base64: true, headers: { 'content-encoding': 'gzip' } }),
      apiEvent({ body: '{}', headers: { 'content-encoding': 'br' } }),
      apiEvent({ body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64'), base64: true }),
      apiEvent({ body: '{"events": [' }),
    ];
    const messages = cases.map((event) => refusal(() => readBody(event)));
    expect(messages.map((m) => m.status)).toEqual([400, 400, 400, 400, 400]);
    expect(messages.map((m) => m.message)).toEqual([
      'body is flagged base64 but is not valid base64',
      'content-encoding is gzip but the body is not valid gzip',
      'content-encoding "br" is not supported: send gzip or none',
      'body is not valid UTF-8',
      expect.stringMatching(/^body is not JSON: /),
    ]);
  });
});
