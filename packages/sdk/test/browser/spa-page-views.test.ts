import { describe, expect, it } from 'vitest';
import { useRig } from './support/rig.js';

const rig = useRig();

/** Starts on `/`, runs `navigate` in the page, then returns the page views sent. */
async function pageViewsAfter(navigate: () => void | Promise<void>) {
  const { server, browser } = rig();
  const page = await browser.open(server.url('/'));
  await page.evaluate(navigate);
  // The SDK records SPA page views after the current task, so let one pass.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  await page.evaluate(() => window.ct.flush());
  const views = server.delivered().filter((event) => event.event_name === 'page_view');
  return { server, views };
}

describe('SPA page views in Chromium', () => {
  it('records a page view on pushState, with the previous page as referrer', async () => {
    const { server, views } = await pageViewsAfter(() => {
      history.pushState({}, '', '/products/42');
      document.title = 'Mug';
    });
    expect(views).toHaveLength(2);
    expect(views[1]).toMatchObject({
      page_url: server.url('/products/42'),
      page_referrer: server.url('/'),
      page_title: 'Mug',
    });
  });

  it('records no page view when replaceState keeps the URL and title', async () => {
    const { views } = await pageViewsAfter(() => history.replaceState({ tab: 2 }, ''));
    expect(views).toHaveLength(1);
  });

  it('records a page view on back navigation (popstate)', async () => {
    const { server, views } = await pageViewsAfter(async () => {
      history.pushState({}, '', '/products/42');
      // A visitor presses back after the product page showed, not in the same task (the SDK
      // looks at the URL a task after pushState; by then a back in the same task has landed).
      await new Promise((resolve) => setTimeout(resolve, 50));
      history.back();
    });
    expect(views.map((view) => view.page_url)).toEqual([
      server.url('/'),
      server.url('/products/42'),
      server.url('/'),
    ]);
  });
});
