// @aws/clickstream-web as its README starts it: import, init, record one event.
import { ClickstreamAnalytics } from '@aws/clickstream-web';

ClickstreamAnalytics.init({ appId: 'shop', endpoint: 'https://collect.example.com/clickstream' });
ClickstreamAnalytics.record({ name: 'add_to_cart' });
