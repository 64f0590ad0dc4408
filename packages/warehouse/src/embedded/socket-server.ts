import { createServer, type Server } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue.js';

export interface SocketServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL wire-protocol server on a loopback port in front of one PGlite: pglite-socket's
 * connection handler (startup, SSL refusal, message framing) with our `SessionQueue` in
 * place of its own, so clients take turns per exchange and per transaction.
 * Throws the listen error as is (EADDRINUSE when the port is taken).
 */
export async function serveSocket(db: PGlite, host: string, port: number): Promise<SocketServer> {
  // Imported here, not at the top: whoever imports the warehouse (the Lambda) never loads it.
  const { PGLiteSocketHandler } = await import('@electric-sql/pglite-socket');
  const queue = new SessionQueue(db);
  const handlers = new Set<InstanceType<typeof PGLiteSocketHandler>>();
  const server: Server = createServer((socket) => {
    const handler = new PGLiteSocketHandler({
      // The handler only calls enqueue, clearQueueForHandler and clearTransactionIfNeeded.
      queryQueue: queue as unknown as PGLiteSocketHandlerOptions['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await closed;
    },
  };
}
