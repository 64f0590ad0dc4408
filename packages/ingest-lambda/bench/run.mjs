// `pnpm bench`: throughput through the handler against a gzip-and-write baseline,
// the handler bundle size, and cold start (fresh node process, module load to first answer).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the package, so the bundles resolve their external AWS SDK from its node_modules.
const out = join(root, 'dist', 'bench');
mkdirSync(out, { recursive: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  conditions: ['@clicktrail/source'],
  logLevel: 'error',
};
const banner = {
  js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
};

async function bundle(entry, file, options) {
  const result = await build({
    ...common,
    entryPoints: [entry],
    outfile: join(out, file),
    ...options,
  });
  return result;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sizeOf = (text) => ({
  raw: Buffer.byteLength(text),
  gzip: gzipSync(text, { level: 9 }).length,
});

// 1. Bundle sizes of the Lambda entry, as NodejsFunction would build it.
const sizes = {};
for (const [label, external] of [
  ['AWS SDK external (Lambda runtime has it)', ['@aws-sdk/*']],
  ['everything bundled', []],
]) {
  const result = await build({
    ...common,
    entryPoints: ['src/lambda.ts'],
    write: false,
    minify: true,
    external,
    banner,
    outfile: join(out, 'x.mjs'),
  });
  sizes[label] = sizeOf(result.outputFiles[0].text);
}

// 2. Cold start: a fresh node process per run, timing module load to the first answer.
await bundle('src/lambda.ts', 'lambda.mjs', { minify: true, banner });
const probe = join(out, 'probe.mjs');
writeFileSync(
  probe,
  `
const started = performance.now();
const { handler } = await import(${JSON.stringify(pathToFileURL(join(out, 'lambda.mjs')).href)});
const loaded = performance.now();
const body = JSON.stringify({ sent_at: Date.now(), events: [{ event_id: 'cold_start_event_0001', event_name: 'page_view', event_timestamp: Date.now(), app_id: 'a', client_id: 'c', session_id: 's' }] });
const result = await handler({ rawPath: '/clickstream', headers: {}, body, isBase64Encoded: false, requestContext: { requestId: 'cold', http: { method: 'POST', sourceIp: '203.0.113.9' } } });
if (result.statusCode !== 200) throw new Error('cold start answered ' + result.statusCode);
process.stdout.write(JSON.stringify({ load: loaded - started, total: performance.now() - started }));
`,
);
const rawDir = mkdtempSync(join(tmpdir(), 'clicktrail-bench-raw-'));
const runs = Array.from({ length: 7 }, () => {
  const output = execFileSync(process.execPath, ['--no-warnings', probe], {
    env: { ...process.env, RAW_DIR: rawDir, RAW_BUCKET: '' },
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').pop());
});
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const coldLoad = median(runs.map((run) => run.load));
const coldTotal = median(runs.map((run) => run.total));

// 3. Throughput, one process = one core.
await bundle('bench/workload.ts', 'workload.mjs', { external: ['@aws-sdk/*'] });
const { measureThroughput } = await import(pathToFileURL(join(out, 'workload.mjs')).href);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const t = await measureThroughput(seconds);
const ratio = t.handlerEventsPerSecond / t.baselineEventsPerSecond;

const rows = [
  [
    'handler, 50-event batches, local folder',
    `${Math.round(t.handlerEventsPerSecond).toLocaleString('en-US')} events/s`,
  ],
  [
    'baseline: gzip + write the same bytes',
    `${Math.round(t.baselineEventsPerSecond).toLocaleString('en-US')} events/s`,
  ],
  [
    'ratio handler / baseline (goal >= 0.5)',
    `${ratio.toFixed(2)} ${ratio >= 0.5 ? 'ok' : 'BELOW GOAL'}`,
  ],
  ...Object.entries(sizes).map(([label, size]) => [
    `bundle, minified, ${label}`,
    `${kb(size.raw)} raw, ${kb(size.gzip)} gzip`,
  ]),
  ['cold start: module load (median of 7)', `${coldLoad.toFixed(1)} ms`],
  ['cold start: load to first answer (median of 7)', `${coldTotal.toFixed(1)} ms`],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.info(
  `\n@clicktrail/ingest-lambda bench (node ${process.version}, ${seconds * 2} s with both paths interleaved)\n`,
);
for (const [label, value] of rows) console.info(`  ${label.padEnd(width)}  ${value}`);
console.info('');
rmSync(out, { recursive: true, force: true });
rmSync(rawDir, { recursive: true, force: true });
