// Files of the scratch app: what a user of the published package would write.

const OPTIONS = `{ endpoint: 'https://collect.example.com/clickstream', appId: 'shop' }`;

/** Under plain Node (SSR) the client must be a silent no-op that leaves no timer behind. */
const ssr = (load: string) => `${load}
const rejections = [];
process.on('unhandledRejection', (reason) => rejections.push(String(reason)));
const client = createClickstream(${OPTIONS});
client.record('add_to_cart');
client.flush().then(() => setImmediate(() => {
  const timers = process.getActiveResourcesInfo().filter((kind) => /Timeout|Immediate/.test(kind));
  console.log(JSON.stringify({ clientId: client.clientId, sessionId: client.sessionId, timers, rejections }));
}));
`;

/** A wire-format v1 event, then the same event with a bad name. */
const schema = (load: string) => `${load}
const event = {
  event_id: 'abcdefghijklmnop1234', event_name: 'add_to_cart', event_timestamp: 1767225600000,
  app_id: 'shop', client_id: 'client_1', session_id: 'session_1', session_number: 1,
  is_first_visit: true, user_id: null, user_login_state: 'logged_out', identity_source: null,
  page_url: 'https://shop.example.com/', page_referrer: null, page_title: 'Shop',
  product: null, attributes: { quantity: 2 }, sdk_version: '0.1.0',
};
console.log(JSON.stringify([validateEvent(event).ok, validateEvent({ ...event, event_name: 'Add To Cart' }).ok]));
`;

const cognito = (load: string) => `${load}
console.log(JSON.stringify([COGNITO_IDENTITY_SOURCE, typeof syncCognitoUser]));
`;

const USAGE = `import { type ClickstreamClient, createClickstream } from '@clicktrail/sdk';
import { type ClickstreamEvent, validateEvent } from '@clicktrail/sdk/schema';

const client: ClickstreamClient = createClickstream({ ...${OPTIONS}, flushIntervalMs: 1_000 });
client.record('add_to_cart', { product: { id: 'sku_1', price: 9.5 }, attributes: { quantity: 2 } });
client.setConsent('pending');
const check = validateEvent({});
export const name: ClickstreamEvent['event_name'] | string = check.ok ? check.event.event_name : check.reason;
// @ts-expect-error appId is required: the published types must reject this.
createClickstream({ endpoint: 'https://collect.example.com/clickstream' });
`;

const tsconfig = (module: string, moduleResolution: string, files: string[]) =>
  JSON.stringify({
    compilerOptions: {
      module,
      moduleResolution,
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      lib: ['ES2022', 'DOM'],
      types: [],
    },
    files,
  });

export const FILES: Record<string, string> = {
  'ssr.mjs': ssr(`import { createClickstream } from '@clicktrail/sdk';`),
  'ssr.cjs': ssr(`const { createClickstream } = require('@clicktrail/sdk');`),
  'schema.mjs': schema(`import { validateEvent } from '@clicktrail/sdk/schema';`),
  'schema.cjs': schema(`const { validateEvent } = require('@clicktrail/sdk/schema');`),
  'cognito.mjs': cognito(
    `import { COGNITO_IDENTITY_SOURCE, syncCognitoUser } from '@clicktrail/sdk/cognito';`,
  ),
  'cognito.cjs': cognito(
    `const { COGNITO_IDENTITY_SOURCE, syncCognitoUser } = require('@clicktrail/sdk/cognito');`,
  ),
  // In a package without "type": "module", usage.ts is CommonJS and usage.mts is ESM.
  'usage.ts': USAGE,
  'usage.mts': USAGE,
  'tsconfig.node16.json': tsconfig('node16', 'node16', ['usage.ts', 'usage.mts']),
  'tsconfig.bundler.json': tsconfig('esnext', 'bundler', ['usage.ts']),
};
