// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

describe('under plain Node (server rendering)', () => {
  it('imports and creates a client without throwing, rejecting or leaving timers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const { createClickstream } = await import('./index.js');
      const client = createClickstream({ endpoint: 'https://collect.example.com', appId: 'ssr' });
      client.record('page_view', { attributes: { a: 1 } });
      client.pageView();
      client.setUser({ userId: 'u' });
      client.setConsent('granted');
      await client.flush();
      await client.shutdown();
      await new Promise((resolve) => setImmediate(resolve));
      expect(vi.getTimerCount()).toBe(0);
      expect(rejections).toEqual([]);
      expect(client.clientId).toBe('');
    } finally {
      process.off('unhandledRejection', onRejection);
      vi.useRealTimers();
    }
  });

  it('has no window, so nothing browser-only ran', () => {
    expect(typeof window).toBe('undefined');
  });
});
