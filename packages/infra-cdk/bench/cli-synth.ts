import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

export interface LambdaAsset {
  functionName: string;
  /** Folder of the asset in the cloud assembly. */
  dir: string;
  /** Bytes of the bundle (index.mjs) and of everything in the asset folder. */
  bundleBytes: number;
  totalBytes: number;
}

export interface CliSynthResult {
  ms: number;
  status: number | null;
  output: string;
  template: { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
  lambdas: LambdaAsset[];
}

/**
 * Runs `cdk synth` exactly as a user would (the CLI, bin/app.ts, cdk.json,
 * real esbuild bundling of the workspace entries, cdk-nag), offline: no
 * credentials, no EC2 metadata probe, no notices, no telemetry.
 */
export function cliSynth(outdir: string, stackName = 'Clicktrail'): CliSynthResult {
  const started = performance.now();
  const run = spawnSync(
    'pnpm',
    ['exec', 'cdk', 'synth', '--quiet', '--no-notices', '--no-version-reporting', '-o', outdir],
    {
      cwd: packageDir,
      encoding: 'utf8',
      env: {
        ...process.env,
        AWS_EC2_METADATA_DISABLED: 'true',
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        CDK_DISABLE_NOTICES: 'true',
      },
    },
  );
  const ms = Math.round(performance.now() - started);
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0)
    return { ms, status: run.status, output, template: { Resources: {} }, lambdas: [] };
  const template = JSON.parse(readFileSync(join(outdir, `${stackName}.template.json`), 'utf8'));
  const lambdas: LambdaAsset[] = [];
  for (const r of Object.values(
    template.Resources,
  ) as CliSynthResult['template']['Resources'][string][]) {
    const name = r.Properties.FunctionName;
    if (r.Type !== 'AWS::Lambda::Function' || typeof name !== 'string') continue;
    const key = (r.Properties.Code as { S3Key: string }).S3Key;
    const dir = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
    const files = readdirSync(dir);
    lambdas.push({
      functionName: name,
      dir,
      bundleBytes: statSync(join(dir, 'index.mjs')).size,
      totalBytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0),
    });
  }
  return { ms, status: run.status, output, template, lambdas };
}
