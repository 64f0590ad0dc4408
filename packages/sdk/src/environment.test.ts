import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});
const userAgent = (agent: string) => vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(agent);

describe('bots and privacy signals', () => {
  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
    'Mozilla/5.0 (Linux; Android 7.0;) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; PetalBot)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36',
    'Mozilla/5.0 (Linux; Android 11; moto g power) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 Chrome-Lighthouse',
  ])('records nothing for %s', async (agent) => {
    userAgent(agent);
    const client = startClient();
    client.record('view_item');
    await client.flush();
    expect(server.requests).toHaveLength(0);
    expect(client.clientId).toBe('');
  });

  it('records nothing under automation (navigator.webdriver)', async () => {
    Object.defineProperty(navigator, 'webdriver', { value: true, configurable: true });
    const client = startClient();
    await client.flush();
    expect(server.requests).toHaveLength(0);
  });

  it('records bots when trackBots is on', async () => {
    userAgent('Mozilla/5.0 (compatible; Googlebot/2.1)');
    const client = startClient({ trackBots: true });
    await client.flush();
    expect(server.requests).toHaveLength(1);
  });

  it('records nothing with Do Not Track when asked to respect it', async () => {
    vi.spyOn(navigator, 'doNotTrack', 'get').mockReturnValue('1');
    const client = startClient({ respectDoNotTrack: true });
    await client.flush();
    expect(server.requests).toHaveLength(0);
  });

  it('ignores Do Not Track by default', async () => {
    vi.spyOn(navigator, 'doNotTrack', 'get').mockReturnValue('1');
    const client = startClient();
    await client.flush();
    expect(server.requests).toHaveLength(1);
  });
});
