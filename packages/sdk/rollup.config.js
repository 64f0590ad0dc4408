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
  /^(memory|unsaved|pending|schedule|outcome|retryAfterMs|dropped|persistent|read|write|remove|take|sync|update|run|on|destroy|exclusive|stop|value)$/;
const ts = () => typescript({ tsconfig: './tsconfig.build.json' });
const { version: packageVersion } = JSON.parse(readFileSync('./package.json', 'utf8'));
/** Puts package.json's version into `sdk_version`. */
const version = () => ({
  name: 'sdk-version',
  transform: (code) => code.replaceAll('__SDK_VERSION__', JSON.stringify(packageVersion)),
});

export default [
  {
    input: entries,
    external,
    plugins: [version(), ts()],
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
  {
    // Script-tag build: sets window.Clicktrail.createClickstream, dependencies inlined.
    input: 'src/iife.ts',
    plugins: [nodeResolve({ browser: true }), version(), ts()],
    output: {
      file: process.env.IIFE_FILE ?? 'dist/clicktrail.iife.js',
      format: 'iife',
      name: 'Clicktrail',
      plugins: [
        terser({
          ecma: 2020,
          compress: {
            passes: 3,
            pure_getters: true,
            unsafe: true,
            unsafe_arrows: true,
            unsafe_comps: true,
          },
          // Internal names only: never public API, event fields or DOM properties.
          // `builtins`: these names are ours even where a DOM interface has one like it.
          mangle: { properties: { regex: INTERNAL_PROPERTIES, builtins: true } },
        }),
      ],
    },
  },
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
