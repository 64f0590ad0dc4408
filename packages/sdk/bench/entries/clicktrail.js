// Our ESM entry as an app would use it: import, init, record one event.
import { createClickstream } from '../../dist/index.js';

const client = createClickstream({
  endpoint: 'https://collect.example.com/clickstream',
  appId: 'shop',
});
client.record('add_to_cart');
