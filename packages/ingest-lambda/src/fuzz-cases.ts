/** Generators of hostile request bodies for the fuzz test, driven by a seeded PRNG. */
import { gzipSync } from 'node:zlib';
import { LIMITS } from '@clicktrail/sdk/schema';
import { batchBody, wireEvent } from './testing.js';

export interface FuzzCase {
  kind: string;
  body?: string;
  base64?: boolean;
  headers?: Record<string, string>;
}

/** mulberry32: small, fast, and the same cases on every run. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

type Random = ReturnType<typeof seeded>;

const WEIRD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  '',
  'x'.repeat(5_000),
  [],
  {},
  [[[]]],
  { __proto__: null },
  '\u0000',
  '\ud800',
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  'NaN',
  { length: 3 },
];
const FIELDS = Object.keys(wireEvent());
const POLLUTING = ['__proto__', 'constructor', 'prototype'];

const nested = (depth: number, open: string, close: string) =>
  `${open.repeat(depth)}${close.repeat(depth)}`;

/** An event certain to be refused: a required field gets a value no required field accepts. */
export function badEvent(random: Random): unknown {
  const required = ['event_id', 'event_name', 'event_timestamp', 'app_id', 'client_id'];
  const field = random.pick(required);
  const value = random.pick([null, true, [], {}, '', 'x'.repeat(300), -7.5]);
  return random.next() < 0.2 ? random.pick(WEIRD_VALUES) : wireEvent({ [field]: value });
}

function hostileEvent(random: Random): string {
  const key = random.pick(POLLUTING);
  const base = JSON.stringify(wireEvent({ [random.pick(FIELDS)]: random.pick(WEIRD_VALUES) }));
  const where = random.pick(['top', 'attributes', 'product']);
  if (where === 'top') return `{"${key}":{"polluted":true},${base.slice(1)}`;
  if (where === 'attributes')
    return base.replace('"attributes":{', `"attributes":{"${key}":{"polluted":1},`);
  return base.replace('"product":null', `"product":{"id":"p","${key}":{"polluted":1}}`);
}

const bomb = gzipSync(Buffer.alloc(20 * LIMITS.maxBodyBytes, 0x20)).toString('base64');

/** One malformed body of a random kind. */
export function fuzzCase(random: Random): FuzzCase {
  const valid = batchBody([wireEvent(), wireEvent()]);
  switch (random.int(12)) {
    case 0:
      return { kind: 'truncated', body: valid.slice(0, random.int(valid.length - 1)) };
    case 1:
      return { kind: 'top-level type', body: JSON.stringify(random.pick(WEIRD_VALUES)) };
    case 2: {
      const envelope = { sent_at: random.pick(WEIRD_VALUES), events: random.pick(WEIRD_VALUES) };
      return { kind: 'envelope types', body: JSON.stringify(envelope) };
    }
    case 3:
      return {
        kind: 'event types',
        body: batchBody(Array.from({ length: 1 + random.int(5) }, () => badEvent(random))),
      };
    case 4:
      return {
        kind: 'huge string',
        body: batchBody([
          wireEvent({ [random.pick(FIELDS)]: 'y'.repeat(10_000 + random.int(900_000)) }),
        ]),
      };
    case 5: {
      const depth = 1_000 + random.int(100_000);
      const inner =
        random.next() < 0.5
          ? nested(depth, '[', ']')
          : nested(depth, '{"a":', '}').replace(/\{"a":\}/, '1');
      return { kind: 'deep nesting', body: `{"sent_at":1,"events":[${inner}]}` };
    }
    case 6:
      return {
        kind: 'prototype keys',
        body: `{"__proto__":{"events":[]},"events":[${hostileEvent(random)}]}`,
      };
    case 7: {
      const bytes = Buffer.from(valid);
      for (let i = 0; i < 1 + random.int(4); i++)
        bytes[random.int(bytes.length)] = 0x80 + random.int(0x80);
      return { kind: 'invalid utf-8', body: bytes.toString('base64'), base64: true };
    }
    case 8: {
      const encoding = random.pick(['gzip', 'br', 'deflate', 'GZIP, br', 'x-unknown']);
      const body = random.next() < 0.5 ? valid : Buffer.from(valid).toString('base64').slice(1);
      return {
        kind: 'wrong encoding',
        body,
        base64: random.next() < 0.5,
        headers: { 'content-encoding': encoding },
      };
    }
    case 9:
      return { kind: 'empty', body: random.pick(['', ' ', '\n', '\ufeff', 'null']) };
    case 10:
      return {
        kind: 'gzip bomb',
        body: bomb,
        base64: true,
        headers: { 'content-encoding': 'gzip' },
      };
    default: {
      const bytes = Buffer.from(Array.from({ length: random.int(2_000) }, () => random.int(256)));
      return { kind: 'random bytes', body: bytes.toString('base64'), base64: true };
    }
  }
}
