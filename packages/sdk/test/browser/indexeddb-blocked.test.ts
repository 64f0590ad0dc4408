import { describe, expect, it } from 'vitest';
import { names, useRig } from './support/rig.js';

const rig = useRig();
const AFTER_LOAD = ['session_start', 'first_visit', 'page_view', 'add_to_cart'];

describe('IndexedDB blocked', () => {
  it('falls back to memory and delivers when indexedDB.open throws', async () => {
    const { server, browser } = rig();
    await browser.context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      };
    });
    const page = await browser.open(server.url());
    await page.evaluate(() => {
      window.ct.record('add_to_cart');
      return window.ct.flush();
    });
    expect(names(server.delivered())).toEqual(AFTER_LOAD);
  });

  it('falls back to memory and delivers when window.indexedDB is missing', async () => {
    const { server, browser } = rig();
    await browser.context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const page = await browser.open(server.url());
    await page.evaluate(() => {
      window.ct.record('add_to_cart');
      return window.ct.flush();
    });
    expect(names(server.delivered())).toEqual(AFTER_LOAD);
  });

  it('retries from memory after a 503 when IndexedDB is missing', async () => {
    const { server, browser } = rig();
    await browser.context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    server.mode = 'unavailable';
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.flush());
    server.mode = 'up';
    await page.evaluate(() => window.ct.flush());
    expect(names(server.delivered())).toEqual(['session_start', 'first_visit', 'page_view']);
  });

  it('reports no page error', async () => {
    const { server, browser } = rig();
    await browser.context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const errors: string[] = [];
    browser.context.on('weberror', (error) => errors.push(error.error().message));
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.flush());
    expect(errors).toEqual([]);
  });
});
