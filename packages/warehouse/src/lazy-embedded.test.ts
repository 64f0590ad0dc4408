import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the package entry', () => {
  it('loads PGlite and pglite-socket only when the embedded server starts', async () => {
    // Bundled as the Lambda bundles the ETL: PGlite is external and absent at run time.
    const result = await build({
      entryPoints: [join(import.meta.dirname, 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      external: ['pg', 'pg-native', '@electric-sql/*'],
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toMatch(/import\("@electric-sql\/pglite-socket"\)/);
    expect(code).not.toMatch(/^import .*"@electric-sql\//m);
  });
});
