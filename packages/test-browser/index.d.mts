import type { BrowserContext } from 'playwright-core';

export { CHROMIUM_ARGS } from './chromium-args.mjs';

export interface LaunchedChromium {
  /** One browser profile: its pages share localStorage and IndexedDB, like tabs. */
  context: BrowserContext;
  /** Closes the browser and deletes the profile. */
  close(): Promise<void>;
}

export declare function launchChromium(): Promise<LaunchedChromium>;
