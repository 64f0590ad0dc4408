import { gunzipSync } from 'node:zlib';
import { LIMITS } from '@clicktrail/sdk/schema';
import { type HttpApiEvent, header } from './api-gateway.js';

/** A body that can never become a batch: the answer's status and a reason for the caller. */
export class RequestBodyError extends Error {
  override name = 'RequestBodyError';
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

const MAX = LIMITS.maxBodyBytes;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function wireBytes(event: HttpApiEvent): Buffer {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) {
    // One UTF-16 unit is at least one UTF-8 byte: cheap refusal before copying.
    if (body.length > MAX) throw new RequestBodyError(413, `body over ${MAX} bytes`);
    return Buffer.from(body, 'utf8');
  }
  if (Math.floor((body.length * 3) / 4) > MAX + 2) {
    throw new RequestBodyError(413, `body over ${MAX} bytes`);
  }
  if (body.length % 4 !== 0 || !BASE64.test(body)) {
    throw new RequestBodyError(400, 'body is flagged base64 but is not valid base64');
  }
  return Buffer.from(body, 'base64');
}

function decompress(bytes: Buffer, encoding: string): Buffer {
  if (encoding === '' || encoding === 'identity') return bytes;
  if (encoding !== 'gzip' && encoding !== 'x-gzip') {
    throw new RequestBodyError(
      400,
      `content-encoding ${JSON.stringify(encoding.slice(0, 40))} is not supported: send gzip or none`,
    );
  }
  try {
    // The cap stops a gzip bomb at the same limit as a plain body.
    return gunzipSync(bytes, { maxOutputLength: MAX });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new RequestBodyError(413, `decompressed body over ${MAX} bytes`);
    }
    throw new RequestBodyError(400, 'content-encoding is gzip but the body is not valid gzip');
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestBodyError(400, `body is not JSON: ${(error as Error).message.slice(0, 120)}`);
  }
}

/** Bytes on the wire to parsed JSON, or a RequestBodyError saying why not. */
export function readBody(event: HttpApiEvent): { json: unknown; bytes: number } {
  const encoding = (header(event, 'content-encoding') ?? '').trim().toLowerCase();
  const text = event.body ?? '';
  // The common case (API Gateway passes text bodies as text): no round trip through bytes.
  if (!event.isBase64Encoded && encoding === '' && text.length > 0) {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > MAX) throw new RequestBodyError(413, `body over ${MAX} bytes`);
    return { json: parse(text), bytes: size };
  }
  const bytes = wireBytes(event);
  if (bytes.length === 0) throw new RequestBodyError(400, 'empty body: expected {sent_at, events}');
  if (bytes.length > MAX) throw new RequestBodyError(413, `body over ${MAX} bytes`);
  const plain = decompress(bytes, encoding);
  let decoded: string;
  try {
    decoded = utf8.decode(plain);
  } catch {
    throw new RequestBodyError(400, 'body is not valid UTF-8');
  }
  return { json: parse(decoded), bytes: bytes.length };
}
