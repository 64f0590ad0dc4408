import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS } from '@clicktrail/test-browser/args';
import type { Browser } from 'playwright-core';

/** No Chromium, or no playwright-core: the browser driver cannot run here (the ingest one can). */
export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError';
}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** CHROMIUM_PATH, else the first Chromium or Chrome installed in a usual place. */
export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES;
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new BrowserUnavailableError(
    `--via browser needs Chromium or Chrome, and none was found (looked at ${candidates.join(', ')}). ` +
      'Install one (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH; ' +
      '--via ingest needs no browser.',
  );
}

// What makes the SDK see a shopper, not a robot: a browser's user agent is set per visitor,
// and this flag keeps `navigator.webdriver` false (the SDK skips webdriver sessions).
const ARGS = [...CHROMIUM_ARGS, '--disable-blink-features=AutomationControlled'];

/** Starts Chromium through playwright-core, an optional dependency loaded only here. */
export async function launchBrowser(executablePath = findChromium()): Promise<Browser> {
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new BrowserUnavailableError(
      '--via browser needs the optional package playwright-core (pnpm install installs it); ' +
        '--via ingest needs no browser.',
    );
  }
  return playwright.chromium.launch({ executablePath, headless: true, args: ARGS });
}
