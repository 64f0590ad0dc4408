import { describe, expect, it } from 'vitest';
import { names, useRig } from './support/rig.js';

const rig = useRig();

/** Two tabs of one browser profile on the shop, the second opened once the first has started. */
async function twoTabs() {
  const { server, browser } = rig();
  const first = await browser.open(server.url('/'));
  const second = await browser.open(server.url('/cart'));
  return { server, first, second };
}

describe('two tabs of one browser', () => {
  it('share the client id', async () => {
    const { first, second } = await twoTabs();
    const clientIds = await Promise.all(
      [first, second].map((tab) => tab.evaluate(() => window.ct.clientId)),
    );
    expect(clientIds[0]).not.toBe('');
    expect(clientIds[1]).toBe(clientIds[0]);
  });

  it('share the session id', async () => {
    const { first, second } = await twoTabs();
    const sessionIds = await Promise.all(
      [first, second].map((tab) => tab.evaluate(() => window.ct.sessionId)),
    );
    expect(sessionIds[0]).not.toBe('');
    expect(sessionIds[1]).toBe(sessionIds[0]);
  });

  it('record one first_visit and one session_start between them', async () => {
    const { server, first, second } = await twoTabs();
    await first.evaluate(() => window.ct.flush());
    await second.evaluate(() => window.ct.flush());
    const automatic = names(server.delivered()).filter((name) => name !== 'page_view');
    expect(automatic.sort()).toEqual(['first_visit', 'session_start']);
  });

  it('deliver the events of both tabs when both flush at the same time', async () => {
    const { server, first, second } = await twoTabs();
    await Promise.all([first, second].map((tab) => tab.evaluate(() => window.ct.flush())));
    const pages = server.delivered().filter((event) => event.event_name === 'page_view');
    const paths = new Set(pages.map((event) => new URL(event.page_url ?? '').pathname));
    expect([...paths].sort()).toEqual(['/', '/cart']);
  });
});
