import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PortTakenError, portIsFree, requirePortFree } from './ports.js';

describe('requirePortFree', () => {
  it('names the port, the part and the variable that moves it when the port is taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const error = await requirePortFree(port, 'store', 'STORE_PORT').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortTakenError);
      expect((error as Error).message).toContain(`port ${port} (store) is taken`);
      expect((error as Error).message).toContain('STORE_PORT=<port>');
    } finally {
      holder.close();
    }
    expect(await portIsFree(port)).toBe(true);
  });
});
