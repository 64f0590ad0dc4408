import { createServer } from 'node:http';

/**
 * Serves one HTML page running `script`, cross-origin isolated so performance.now() has
 * fine resolution, and answers every POST with 200 (any path: SDKs add query strings), or
 * with `down` drops the connection (a network error: only storage can keep the events).
 */
export async function startBenchServer(script, { down = false } = {}) {
  const posts = [];
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Bench</title></head>
<body><script src="/bench.js"></script></body></html>`;
  const http = createServer((req, res) => {
    const isolation = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    };
    if (req.method === 'POST') {
      if (down) return req.socket.destroy();
      req.resume();
      req.on('end', () => {
        posts.push(req.url);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
      return;
    }
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', ...isolation });
      return res.end(script);
    }
    if (req.url === '/favicon.ico') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...isolation }).end(page);
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${http.address().port}`;
  return {
    origin,
    posts,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(resolve);
      }),
  };
}
