// Type test, checked by `tsc` in `pnpm typecheck`: each @ts-expect-error must stay an error.
import { createClickstream } from './index.js';

const client = createClickstream({ endpoint: 'https://collect.example.com', appId: 'shop' });
client.record('add_to_cart', { product: { id: 'sku-1', price: 9.5 }, attributes: { qty: 1 } });
client.record('purchase', {
  items: [{ id: 'sku-1', price: 9.5, quantity: 2 }, { id: 'sku-2' }],
  attributes: { transaction_id: 'T-1', value: 19, currency: 'EUR', coupon: 'X' },
});
client.setUser({ userId: 'u-1', loginState: 'logged_in', identitySource: 'cognito' });
client.setConsent('pending');

// @ts-expect-error endpoint and appId are required
createClickstream({});
// @ts-expect-error appId is required
createClickstream({ endpoint: 'https://collect.example.com' });
// @ts-expect-error unknown options are refused
createClickstream({ endpoint: 'e', appId: 'a', flushInterval: 5 });
// @ts-expect-error the event name is a string
client.record(42);
// @ts-expect-error attributes are scalar values
client.record('search', { attributes: { terms: ['a', 'b'] } });
// @ts-expect-error a product needs an id
client.record('view_item', { product: { name: 'Mug' } });
// @ts-expect-error an item needs an id
client.record('add_to_cart', { items: [{ quantity: 1 }] });
// @ts-expect-error a quantity is a number
client.record('add_to_cart', { items: [{ id: 'sku-1', quantity: '2' }] });
// @ts-expect-error a purchase's value is a number
client.record('purchase', { attributes: { value: '19.00' } });
// @ts-expect-error consent is granted, pending or denied
client.setConsent('yes');
// @ts-expect-error loginState is logged_in or logged_out
client.setUser({ userId: 'u', loginState: 'guest' });
// @ts-expect-error clientId is read-only
client.clientId = 'other';
// @ts-expect-error flush returns a promise, not a value
const sent: number = await client.flush();
void sent;
