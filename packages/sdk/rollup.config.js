import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const entries = {
  index: 'src/index.ts',
  schema: 'src/schema/index.ts',
  cognito: 'src/cognito/index.ts',
  react: 'src/react/index.ts',
};
const external = ['amazon-cognito-identity-js', 'react'];
// The React entry is a client module: Next.js server components may import its provider.
const banner = (chunk) => (chunk.name === 'react' ? "'use client';" : '');
const INTERNAL_PROPERTIES =
  /^(memory|unsaved|pending|schedule|retryAfterMs|dropped|persistent|read|write|remove|take|sync|update|run|on|destroy|exclusive|stop|value)$/;
/** The script-tag builds' minifier settings (also used by `scripts/feature-costs.mjs`). */
export const TERSER_OPTIONS = {
  ecma: 2020,
  compress: {
    passes: 5,
    // `true` as 1: nothing here tells them apart (no `=== true` on our own values).
    booleans_as_integers: true,
    // Measured smaller in gzip for this code: inline only simple functions, keep objects as
    // objects.
    inline: 1,
    hoist_props: false,
    pure_getters: true,
    unsafe: true,
    unsafe_arrows: true,
    unsafe_comps: true,
  },
  // Internal names only: never public API, event fields or DOM properties.
  // `builtins`: these names are ours even where a DOM interface has one like it.
  mangle: { properties: { regex: INTERNAL_PROPERTIES, builtins: true } },
};
const ts = () => typescript({ tsconfig: './tsconfig.build.json' });
const { version: packageVersion } = JSON.parse(readFileSync('./package.json', 'utf8'));
/** Puts package.json's version into `sdk_version`, and says whether the build has everything. */
const constants = (full = true) => ({
  name: 'sdk-constants',
  transform: (code) =>
    code
      .replaceAll('__SDK_VERSION__', JSON.stringify(packageVersion))
      .replaceAll('__SDK_FULL__', String(full)),
});

export default [
  {
    input: entries,
    external,
    plugins: [constants(), ts()],
    output: [
      {
        dir: 'dist',
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        banner,
      },
      {
        dir: 'dist',
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: '[name]-[hash].cjs',
        banner,
      },
    ],
  },
  // Script-tag builds: set window.Clicktrail.createClickstream, dependencies inlined. The
  // default one leaves out debug logging and the 0.1.0 upgrade (its size budget); full has them.
  ...[
    [process.env.IIFE_FILE ?? 'dist/clicktrail.iife.js', false],
    ['dist/clicktrail.full.iife.js', true],
  ].map(([file, full]) => ({
    input: 'src/iife.ts',
    plugins: [nodeResolve({ browser: true }), constants(full), ts()],
    output: {
      file,
      format: 'iife',
      name: 'Clicktrail',
      plugins: [terser(TERSER_OPTIONS)],
    },
  })),
  ...['d.ts', 'd.cts'].map((extension) => ({
    input: entries,
    external,
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
    output: {
      dir: 'dist',
      entryFileNames: `[name].${extension}`,
      chunkFileNames: `[name]-[hash].${extension}`,
    },
  })),
];
