import { launchChromium } from '@clicktrail/test-browser';
import type { BrowserContext, Page } from 'playwright-core';
import type { ClickstreamClient } from '../../../src/api.js';
import type { createClickstream } from '../../../src/create-clickstream.js';

declare global {
  interface Window {
    /** The client the test page starts (see server.ts). */
    ct: ClickstreamClient;
    Clicktrail: { createClickstream: typeof createClickstream };
  }
}

export interface TestBrowser {
  /** One browser profile: its pages share localStorage and IndexedDB, like tabs. */
  context: BrowserContext;
  /** Opens a tab on `url` and waits until the SDK has started. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium (never a downloaded one) with a fresh profile in a temp folder. */
export async function launchBrowser(): Promise<TestBrowser> {
  const { context, close } = await launchChromium();
  return {
    context,
    close,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => typeof window.ct === 'object');
      return page;
    },
  };
}

/** How many events the SDK's IndexedDB queue holds (the database of the test page's client). */
export const storedEventCount = (page: Page, appId = 'browser_test'): Promise<number> =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('queue')) return resolve(0);
          const store = db.transaction('queue', 'readonly').objectStore('queue');
          // Event ids are strings; numeric keys hold the identity and the send lease.
          const count = store.count(IDBKeyRange.lowerBound(''));
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    `clicktrail:${appId}@${new URL(page.url()).origin}/clickstream`,
  );
