import { readFileSync } from 'node:fs';
import { launchChromium } from '@clicktrail/test-browser';
import { bundle } from './lib/bundle.mjs';
import { startBenchServer } from './lib/server.mjs';

const IIFE = readFileSync(new URL('../dist/clicktrail.iife.js', import.meta.url), 'utf8');
const STAY_MS = 1_000;
const SETTLE_MS = 1_500;
const LOADS = 5;

/** Each SDK started with its defaults by the page itself. */
const pages = async () => [
  [
    '@clicktrail/sdk (dist/clicktrail.iife.js)',
    `${IIFE}\nClicktrail.createClickstream({ endpoint: location.origin + '/clickstream', appId: 'bench', trackBots: true });`,
  ],
  [
    '@aws/clickstream-web',
    `${new TextDecoder().decode(await bundle('record-clickstream-web'))}\nbench.init(location.origin + '/clickstream');`,
  ],
];

/** POSTs the endpoint receives from one page load: a fresh profile, load, stay, close. */
async function postsForOneLoad(script) {
  const browser = await launchChromium();
  const server = await startBenchServer(script);
  try {
    const page = await browser.context.newPage();
    await page.goto(server.origin);
    await page.waitForTimeout(STAY_MS);
    await page.close({ runBeforeUnload: true });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return server.posts.length;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Requests per page load with defaults, over LOADS separate first visits per SDK. */
export async function countRequests() {
  const results = [];
  for (const [name, script] of await pages()) {
    const posts = [];
    for (let load = 0; load < LOADS; load++) posts.push(await postsForOneLoad(script));
    results.push({ name, posts });
  }
  return results;
}
