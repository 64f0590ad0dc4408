import { parseArgs } from 'node:util';
import { createHandler } from './handler.js';
import { createIngestServer } from './http-server.js';
import { ingestConfig } from './settings.js';

const HELP = `clicktrail-ingest: the Clicktrail ingest API on one machine

Usage:
  clicktrail-ingest serve [--port 3100] [--host HOST] [--raw-dir DIR]
  clicktrail-ingest --help

Serves POST /clickstream with the same handler as the Lambda and writes raw
objects (events/YYYY/MM/DD/*.ndjson.gz) to a local folder or an S3 bucket.

Options:
  --port N        port to listen on (default 3100)
  --host HOST     address to bind (default: every interface)
  --raw-dir DIR   local raw folder (overrides RAW_DIR; default .clicktrail/raw)

Environment:
  RAW_DIR          local raw folder
  RAW_BUCKET       write to this S3 bucket instead of a folder
  AWS_REGION       the bucket's region (default us-east-1)
  S3_ENDPOINT      an S3-compatible server (s3rver, MinIO), path-style
  ALLOWED_ORIGINS  comma-separated browser origins, or * for any
                   (default http://localhost:3000,http://127.0.0.1:3000)
  RAW_STORE_TIMEOUT_MS  ms a raw-store write may take before answering 503 (default 3000)
`;

class UsageError extends Error {
  override name = 'UsageError';
}

function serve(values: { port?: string; host?: string; 'raw-dir'?: string }): void {
  const port = Number(values.port ?? '3100');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port: expected a port number, got ${values.port}`);
  }
  const settings = { ...process.env };
  if (values['raw-dir']) settings.RAW_DIR = values['raw-dir'];
  // A flag names a folder on purpose: it wins over a bucket from the environment.
  if (values['raw-dir']) delete settings.RAW_BUCKET;
  const config = ingestConfig(settings);
  const server = createIngestServer(createHandler(config));
  server.listen(port, values.host, () => {
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    console.info(
      JSON.stringify({
        msg: 'listening',
        url: `http://${values.host ?? 'localhost'}:${bound}/clickstream`,
        store: config.store.location,
        origins: config.cors.anyOrigin ? '*' : [...config.cors.origins],
      }),
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'raw-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(HELP);
    return;
  }
  if (positionals[0] !== 'serve') throw new UsageError(`unknown command ${positionals[0]}`);
  serve(values);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`clicktrail-ingest: ${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
