import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES } from './fixtures.js';
import { createScratchApp, type ScratchApp } from './scratch-app.js';

let app: ScratchApp;

beforeAll(async () => {
  app = await createScratchApp();
  for (const [file, text] of Object.entries(FILES)) await app.write(file, text);
}, 120_000);

afterAll(() => app?.remove());

const output = async (file: string): Promise<unknown> => {
  const { stdout, stderr } = await app.node(file);
  expect(stderr).toBe('');
  return JSON.parse(stdout);
};

describe('the packed tarball installed with npm outside the workspace', () => {
  it('ships dist and src without tests', () => {
    expect(app.packed).toEqual(
      expect.arrayContaining([
        'dist/clicktrail.iife.js',
        'dist/clicktrail.full.iife.js',
        'src/index.ts',
      ]),
    );
    expect(app.packed.filter((file) => /\.test(-d)?\.ts$/.test(file))).toEqual([]);
  });

  it.each(['ssr.mjs', 'ssr.cjs'])('is a silent no-op under Node with %s', async (file) => {
    expect(await output(file)).toEqual({ clientId: '', sessionId: '', timers: [], rejections: [] });
  });

  it.each(['schema.mjs', 'schema.cjs'])('validates events from /schema with %s', async (file) => {
    expect(await output(file)).toEqual([true, false]);
  });

  it.each(['cognito.mjs', 'cognito.cjs'])('resolves /cognito with %s', async (file) => {
    expect(await output(file)).toEqual(['cognito', 'function']);
  });

  it.each(['node16', 'bundler'])('type-checks under moduleResolution %s', async (mode) => {
    await expect(app.tsc(`tsconfig.${mode}.json`)).resolves.toMatchObject({ stdout: '' });
  });
});
