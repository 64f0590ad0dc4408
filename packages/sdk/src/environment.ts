/** Browser globals are reached only through here, so importing the SDK under SSR is safe. */
export const isBrowser = (): boolean =>
  typeof window !== 'undefined' && typeof document !== 'undefined';

/**
 * Crawlers that run scripts, headless browsers and audit tools that would inflate numbers. `bot` and `spider`
 * already catch AhrefsBot, SemrushBot, PetalBot, YandexBot, Googlebot and Baiduspider;
 * `navigator.webdriver` catches Selenium, Puppeteer and Playwright.
 */
const BOT_AGENT = /bot|crawl|spider|headless|lighthouse|preview|phantom/i;

export const isBot = (): boolean =>
  BOT_AGENT.test(navigator.userAgent) || navigator.webdriver === true;

export const doNotTrack = (): boolean =>
  navigator.doNotTrack === '1' ||
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
