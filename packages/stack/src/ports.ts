import { createServer } from 'node:net';

/** A fixed port the stack needs is held by another program. */
export class PortTakenError extends Error {
  override name = 'PortTakenError';
  constructor(
    readonly port: number,
    readonly part: string,
    readonly envName: string,
  ) {
    super(
      `port ${port} (${part}) is taken by another program. Free it (find who holds it: ` +
        `lsof -i :${port}, or ss -ltnp 'sport = :${port}') or choose another port: ${envName}=<port> npm run demo`,
    );
  }
}

/** Whether nothing listens on `port` of the loopback interface: tries to bind it, then lets go. */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

export async function requirePortFree(port: number, part: string, envName: string): Promise<void> {
  if (!(await portIsFree(port))) throw new PortTakenError(port, part, envName);
}
