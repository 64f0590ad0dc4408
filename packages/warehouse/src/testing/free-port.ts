import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on right now, for tests that start the embedded server
 * (`CLICKTRAIL_PG_PORT`): tests never take the product's fixed port.
 */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}
