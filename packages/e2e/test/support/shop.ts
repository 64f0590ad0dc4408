import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const IIFE = fileURLToPath(new URL('../../../sdk/dist/clicktrail.iife.js', import.meta.url));

export interface Shop {
  origin: string;
  url: string;
  /** Where the page's SDK sends; set once ingest runs (it needs the shop's origin first). */
  endpoint: string;
  close(): Promise<void>;
}

const page = (endpoint: string) => `<!doctype html><title>Shop</title>
<script src="/clicktrail.iife.js"></script>
<script>
  window.ct = Clicktrail.createClickstream({
    endpoint: ${JSON.stringify(endpoint)}, appId: 'e2e-shop', trackBots: true, flushIntervalMs: 200,
  });
</script>`;

/** A tiny shop page that loads the SDK's script-tag build, as a site would. */
export async function startShop(): Promise<Shop> {
  const server: Server = createServer(async (request, response) => {
    if (request.method !== 'GET') return response.writeHead(405).end();
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/clicktrail.iife.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(IIFE));
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page(shop.endpoint));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const shop: Shop = {
    origin,
    url: `${origin}/`,
    endpoint: '',
    // A browser keeps idle keep-alive connections open; without closing them close() waits
    // for the browser to drop them (over a minute).
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return shop;
}
