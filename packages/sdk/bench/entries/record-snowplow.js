// Bench page: window.bench drives @snowplow/browser-tracker (core, no plugins) with its defaults.
import { newTracker, trackSelfDescribingEvent } from '@snowplow/browser-tracker';

window.bench = {
  init(endpoint) {
    newTracker('bench', endpoint, { appId: 'bench' });
  },
  record(i) {
    trackSelfDescribingEvent({
      event: { schema: 'iglu:com.example/view_item/jsonschema/1-0-0', data: { i } },
    });
  },
};
