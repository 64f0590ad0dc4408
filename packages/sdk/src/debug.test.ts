import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});
const quiet = { autoPageViews: false, flushIntervalMs: 60_000 };
const said = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map((call) => String(call[0]));

describe('debug', () => {
  it('logs what is queued, retried, sent and dropped', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const client = startClient({ ...quiet, debug: true });
    server.answer(503, 200, 400);
    client.record('view_item');
    await client.flush();
    await client.flush();
    client.record('add_to_cart');
    await client.flush();
    const lines = said(info);
    expect(lines).toContain('[clicktrail] queued view_item');
    expect(lines.some((line) => line.startsWith('[clicktrail] retry in'))).toBe(true);
    expect(lines.some((line) => line.startsWith('[clicktrail] sent 3, status 200'))).toBe(true);
    expect(lines).toContain('[clicktrail] dropped 1, status 400');
  });

  it('logs nothing by default', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const client = startClient(quiet);
    client.record('view_item');
    await client.flush();
    expect(info).not.toHaveBeenCalled();
    expect(server.requests).toHaveLength(1);
  });
});
