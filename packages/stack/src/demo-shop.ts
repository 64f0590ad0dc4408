// The small demo shop the stack serves until a store is built: one page that loads the
// SDK's script-tag build and records its buttons. Run as its own process by the supervisor.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { port: { type: 'string' }, endpoint: { type: 'string' }, 'app-id': { type: 'string' } },
});
const page = fileURLToPath(new URL('../demo-shop/index.html', import.meta.url));
const script = fileURLToPath(new URL('../../sdk/dist/clicktrail.iife.js', import.meta.url));
const config = `<script>window.CLICKTRAIL_ENDPOINT = ${JSON.stringify(values.endpoint)};
window.CLICKTRAIL_APP_ID = ${JSON.stringify(values['app-id'] ?? 'demo-shop')};</script>`;

const server = createServer(async (request, response) => {
  try {
    if (request.url === '/clicktrail.iife.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(script));
      return;
    }
    const html = (await readFile(page, 'utf8')).replace(
      '<script src="/clicktrail.iife.js">',
      `${config}\n  <script src="/clicktrail.iife.js">`,
    );
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
server.listen(Number(values.port ?? 3000), '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
