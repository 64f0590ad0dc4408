// Bench page: window.bench drives @snowplow/browser-tracker (core, no plugins) with its defaults.
import { newTracker, trackStructEvent } from '@snowplow/browser-tracker';

window.bench = {
  init(endpoint) {
    newTracker('bench', endpoint, { appId: 'bench' });
  },
  record(i) {
    trackStructEvent({ category: 'shop', action: 'view_item', property: String(i) });
  },
};
