// Bench page: window.bench drives @clicktrail/sdk with its defaults.
import { createClickstream } from '../../dist/index.js';

let client;
window.bench = {
  init(endpoint) {
    // Headless Chromium reports navigator.webdriver: without trackBots the SDK records nothing.
    client = createClickstream({ endpoint, appId: 'bench', trackBots: true });
  },
  record(i) {
    client.record('view_item', { attributes: { i } });
  },
  recordNamed(name) {
    client.record(name);
  },
};
