import { Layout } from './layout.js';

const SNIPPET = `import { createClickstream } from '@clicktrail/sdk';

const clickstream = createClickstream({
  endpoint: 'https://<your ingest endpoint>/clickstream', // local stack: http://127.0.0.1:3100/clickstream
  appId: 'my-shop',
});
// Page views, sessions and first visits are recorded automatically; commerce events by hand:
clickstream.record('add_to_cart', { product: { id: 'sku-42', name: 'Mug', price: 12.5 } });`;

/** An empty warehouse: how to send the first event, not a page of zeros. */
export function FirstRunPage({ base, label }: { base: string; label: string }) {
  return (
    <Layout title="Clicktrail · no events yet" base={base} script={false}>
      <main id="first-run">
        <h1>No events yet</h1>
        <p>
          The warehouse (<code>{label}</code>) holds no events. Send the first one from your shop
          with the SDK, then run the ETL (hourly in AWS; locally{' '}
          <code>pnpm exec clicktrail-etl run</code>) and reload this page.
        </p>
        <pre>
          <code>{SNIPPET}</code>
        </pre>
        <p>
          Script tag instead of a bundler: load <code>clicktrail.iife.js</code> and call{' '}
          <code>window.Clicktrail.createClickstream(...)</code> with the same options.
        </p>
      </main>
    </Layout>
  );
}
