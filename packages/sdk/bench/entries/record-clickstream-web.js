// Bench page: window.bench drives @aws/clickstream-web with its defaults.
import { ClickstreamAnalytics } from '@aws/clickstream-web';

window.bench = {
  init(endpoint) {
    ClickstreamAnalytics.init({ appId: 'bench', endpoint });
  },
  record(i) {
    ClickstreamAnalytics.record({ name: 'view_item', attributes: { i } });
  },
};
