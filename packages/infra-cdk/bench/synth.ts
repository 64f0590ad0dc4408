import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliSynth } from './cli-synth.js';

// `pnpm bench`: the offline `cdk synth` time and the size of each bundled Lambda.
const outdir = mkdtempSync(join(tmpdir(), 'clicktrail-cdk-bench-'));
try {
  const result = cliSynth(outdir);
  if (result.status !== 0) {
    console.error(result.output);
    process.exit(1);
  }
  console.info(`cdk synth (offline, bundling, cdk-nag): ${result.ms} ms`);
  for (const l of result.lambdas) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.info(
      `${l.functionName}: index.mjs ${kb(l.bundleBytes)}, asset with map ${kb(l.totalBytes)}`,
    );
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
