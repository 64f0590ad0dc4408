// happy-dom reports `navigator.webdriver === true`, which the SDK treats as a bot.
// Tests start as an ordinary browser; the bot tests switch it back on.
import { beforeEach } from 'vitest';

beforeEach(() => {
  if (typeof navigator !== 'undefined') {
    Object.defineProperty(navigator, 'webdriver', { value: false, configurable: true });
  }
});
