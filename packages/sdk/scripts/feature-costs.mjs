#!/usr/bin/env node
// What each feature of the script-tag build costs, gzip -9: builds src/iife.ts as it is and
// with one feature stubbed out at a time (textual patches on a temporary copy of src/), with
// the build's own minifier settings. Run from packages/sdk: `node scripts/feature-costs.mjs`.
// A patch that no longer applies fails loudly: update it with the code it describes.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import terser from '@rollup/plugin-terser';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { TERSER_OPTIONS } from '../rollup.config.js';

/** [feature, [file, text as it is, text without the feature][]] */
const FEATURES = [
  [
    'debug logging (left out of the default build; in clicktrail.full.iife.js)',
    [['log.ts', 'if (FULL && debugging)', 'if (debugging)']],
  ],
  [
    'taking over what 0.1.0 stored (left out of the default build; in clicktrail.full.iife.js)',
    [
      ['client.ts', 'if (FULL && !state.value.cid)', 'if (!state.value.cid)'],
      ['client.ts', 'if (FULL) takeLegacy(', 'takeLegacy('],
    ],
  ],
  [
    'unload acknowledgements: sent once per leave, answered ids kept in localStorage, flush on beforeunload',
    [
      ['client.ts', "    [window, 'beforeunload', onHide],\n", ''],
      ['client.ts', '  const acks = createAcks(local, key);\n', ''],
      ['client.ts', '      acks.add(ids);\n', ''],
      [
        'client.ts',
        '    const acked = acks.take();\n    void queue.remove(acked);\n    for (const event of stash.take()) if (!acked.includes(event.event_id)) queue.add(event);',
        '    for (const event of stash.take()) queue.add(event);',
      ],
      ['unload.ts', 'events.filter((event) => !inFlight.has(event.event_id))', 'events'],
      ['unload.ts', '    for (const id of ids) inFlight.add(id);\n', ''],
      [
        'client.ts',
        "(document.visibilityState === 'hidden' ? onHide() : inFlight.clear())",
        "document.visibilityState === 'hidden' && onHide()",
      ],
    ],
  ],
  [
    'unload stash in localStorage (events IndexedDB has not confirmed when the page hides)',
    [
      ['client.ts', '    stash.write(queue.unsaved());\n', ''],
      ['client.ts', '() => stash.update(queue.unsaved)', '() => {}'],
      [
        'client.ts',
        'for (const event of stash.take())',
        'for (const event of [] as ClickstreamEvent[])',
      ],
      ['client.ts', '        stash.take();\n', ''],
    ],
  ],
  [
    'send lease in IndexedDB (one tab sends; works without Web Locks; a hung tab cannot hold it)',
    [
      ['sender.ts', 'const locked = () => queue.exclusive(drain);', 'const locked = drain;'],
      ['queue.ts', 'const lease = (take: boolean) => {', 'const unused = (take: boolean) => {'],
      ['queue.ts', 'while (!(await lease(true)))', 'while (!tab)'],
      ['queue.ts', 'void lease(false);', ''],
    ],
  ],
  [
    'identity kept in IndexedDB too, started in one cross-tab transaction',
    [
      ['client.ts', 'db.update(IDENTITY, assignHeld)', 'Promise.resolve(assignHeld())'],
      ['client.ts', 'merge(durable, state.read())', 'state.read()'],
      [
        'database.ts',
        '    async update(key, change) {\n',
        '    async update(key, change) {\n      return;\n',
      ],
    ],
  ],
  [
    'storage timeout (5 s) and closing on versionchange',
    [
      [
        'database.ts',
        `        const timer = setTimeout(() => {
          connection = undefined;
          log('storage timeout');
          resolve(false);
        }, STORAGE_TIMEOUT_MS);`,
        '        const timer = 0;',
      ],
      [
        'database.ts',
        `        db.onversionchange = () => {
          db.close();
          connection = undefined;
        };
`,
        '',
      ],
    ],
  ],
  [
    'batches sized in bytes under 1 MiB, 413 halving',
    [
      ['sender.ts', 'packBatches(events, maxBatchEvents, LIMITS.maxBodyBytes)', '[events]'],
      [
        'sender.ts',
        `    const half = batch.length >> 1;
    if (answer.status === 413 && half) {
      return (await send(batch.slice(0, half))) && send(batch.slice(half));
    }
`,
        '',
      ],
    ],
  ],
  [
    'plain copies of product and items (Vue reactive, class instances)',
    [['client.ts', 'JSON.parse(JSON.stringify(value))', 'value']],
  ],
  [
    'activity written at most every 5 s (throttled extend)',
    [['shared-state.ts', ' || (soon && Date.now() - written < WRITE_EVERY_MS)', '']],
  ],
];

const source = new URL('../src/', import.meta.url);

async function sizeOf(patches) {
  const dir = await mkdtemp(join(tmpdir(), 'clicktrail-costs-'));
  try {
    await cp(source, join(dir, 'src'), { recursive: true });
    for (const [file, before, after] of patches) {
      const path = join(dir, 'src', file);
      const text = await readFile(path, 'utf8');
      if (!text.includes(before)) throw new Error(`patch no longer applies to ${file}: ${before}`);
      await writeFile(path, text.replace(before, after));
    }
    const bundled = await build({
      entryPoints: [join(dir, 'src/iife.ts')],
      bundle: true,
      format: 'esm',
      write: false,
      define: { __SDK_VERSION__: '"0.0.0"', __SDK_FULL__: 'false' },
      logLevel: 'silent',
    });
    const input = join(dir, 'bundle.js');
    await writeFile(input, bundled.outputFiles[0].text);
    const bundle = await rollup({ input, logLevel: 'silent' });
    const { output } = await bundle.generate({
      format: 'iife',
      name: 'Clicktrail',
      plugins: [terser(TERSER_OPTIONS)],
    });
    return gzipSync(output[0].code, { level: 9 }).length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const base = await sizeOf([]);
console.info(`script-tag build as it is (esbuild + rollup + terser): ${base} B gzip -9`);
console.info('| feature | B gzip -9 |\n| --- | --- |');
for (const [feature, patches] of FEATURES) {
  const cost = base - (await sizeOf(patches));
  // Debug logging is the one patch that adds a feature: the default build leaves it out.
  console.info(`| ${feature} | ${cost < 0 ? `not in this build (+${-cost})` : cost} |`);
}
