import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSynth } from '../bench/cli-synth.js';
import { removeDir, tempDir } from './temp-dir.js';

// One real `cdk synth`: the CLI, bin/app.ts, bundling of the workspace's
// ingest and ETL entries with esbuild, and cdk-nag, all offline.
const outdir = tempDir('cli');
const result = cliSynth(outdir);
afterAll(() => removeDir(outdir));

describe('cdk synth (CLI, offline)', () => {
  it('succeeds with no credentials and no unacknowledged cdk-nag finding', () => {
    expect(result.status, result.output).toBe(0);
  });

  it.each(['clickstream-lambda-ingest', 'clickstream-lambda-etl'])(
    'bundles %s from workspace source into one ESM file',
    (name) => {
      const asset = result.lambdas.find((l) => l.functionName === name);
      expect(asset?.bundleBytes).toBeGreaterThan(1_000);
      // Under a megabyte: the AWS SDK stays external (the runtime has it).
      expect(asset?.bundleBytes).toBeLessThan(1_000_000);
    },
  );

  it('leaves the AWS SDK to the runtime and lets bundled CommonJS call require()', () => {
    const ingest = result.lambdas.find((l) => l.functionName === 'clickstream-lambda-ingest');
    const code = readFileSync(join(ingest!.dir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import{createRequire}from'module';")).toBe(true);
    expect(code).toMatch(/from\s*"@aws-sdk\/client-s3"/);
    expect(code).not.toContain('S3ServiceException');
  });

  it('bundles pg into the ETL but leaves out PGlite, which only the local CLI uses', () => {
    const etl = result.lambdas.find((l) => l.functionName === 'clickstream-lambda-etl');
    const code = readFileSync(join(etl!.dir, 'index.mjs'), 'utf8');
    expect(code).toMatch(/import\(\s*"@electric-sql\/pglite"\s*\)/);
    expect(code).not.toContain('pglite.wasm');
    expect(code).toContain('pg-native');
  });

  it('wraps the ETL handler with the Secrets Manager lookup of its password', () => {
    const etl = result.lambdas.find((l) => l.functionName === 'clickstream-lambda-etl');
    const code = readFileSync(join(etl!.dir, 'index.mjs'), 'utf8');
    expect(code).toMatch(/from\s*"@aws-sdk\/client-secrets-manager"/);
    expect(code).toContain('DWH_SECRET_ARN');
    expect(code).toContain('etl run starting');
  });
});
