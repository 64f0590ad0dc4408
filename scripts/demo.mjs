#!/usr/bin/env node
// `npm run demo`: the whole stack on one machine with embedded defaults.
// Ingest on :3100 writes to .clicktrail/raw, the ETL loads it into PGlite in
// .clicktrail/dw every few seconds, and a demo shop on :3000 records with the SDK.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STORE_PORT = Number(process.env.STORE_PORT ?? 3000);
const INGEST_PORT = Number(process.env.INGEST_PORT ?? 3100);
const ETL_EVERY_SECONDS = Number(process.env.ETL_EVERY_SECONDS ?? 10);
const children = [];

function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk) =>
    `${chunk}`
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code) => {
    if (!stopping) console.error(`[demo] ${name} exited with ${code}; stopping.`);
    stop(code ?? 1);
  });
  children.push(child);
}

const ingestUrl = `http://localhost:${INGEST_PORT}/clickstream`;
const store = createServer(async (request, response) => {
  try {
    if (request.url === '/clicktrail.iife.js') {
      const script = await readFile(`${root}packages/sdk/dist/clicktrail.iife.js`);
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    const page = await readFile(`${root}scripts/demo/index.html`, 'utf8');
    const config = `<script>window.CLICKTRAIL_ENDPOINT = ${JSON.stringify(ingestUrl)};</script>`;
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        page.replace(
          '<script src="/clicktrail.iife.js">',
          `${config}\n  <script src="/clicktrail.iife.js">`,
        ),
      );
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  store.close();
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const allowed = `http://localhost:${STORE_PORT},http://127.0.0.1:${STORE_PORT}`;
start(
  'ingest',
  [
    'packages/ingest-lambda/bin/clicktrail-ingest.js',
    'serve',
    '--port',
    String(INGEST_PORT),
    '--raw-dir',
    '.clicktrail/raw',
  ],
  {
    ALLOWED_ORIGINS: allowed,
  },
);
start('etl', [
  'packages/etl-lambda/bin/clicktrail-etl.js',
  'watch',
  '--every',
  String(ETL_EVERY_SECONDS),
  '--raw-dir',
  '.clicktrail/raw',
]);
store.listen(STORE_PORT, () => {
  console.info(`
[demo] Clicktrail is running on this machine:
[demo]   demo shop   http://localhost:${STORE_PORT}   (the SDK records your clicks)
[demo]   ingest      ${ingestUrl}   (raw objects in .clicktrail/raw/events/)
[demo]   ETL         every ${ETL_EVERY_SECONDS} s into PGlite in .clicktrail/dw (table clickstream_events)
[demo] Press Ctrl+C to stop.
`);
});
