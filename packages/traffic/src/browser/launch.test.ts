import { describe, expect, it } from 'vitest';
import { BrowserUnavailableError, findChromium } from './launch.js';

describe('findChromium', () => {
  it('names where it looked and what to do when there is no Chromium', () => {
    const find = () => findChromium({ CHROMIUM_PATH: '/nowhere/chromium' });
    expect(find).toThrow(BrowserUnavailableError);
    expect(find).toThrow(
      /none was found \(looked at \/nowhere\/chromium\).*CHROMIUM_PATH.*--via ingest needs no browser/,
    );
  });

  it('takes CHROMIUM_PATH when it exists', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
});
