// @vitest-environment node
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClickstreamProvider, useClickstream, useRecordOnce } from './index.js';

function Page() {
  const client = useClickstream();
  useRecordOnce('view_item', { product: { id: 'sku-1' } }, 'sku-1');
  return createElement('p', null, `client:${client.clientId || 'none'}`);
}

describe('server rendering', () => {
  it('renders without browser globals and records nothing', () => {
    expect(typeof window).toBe('undefined');
    const options = { endpoint: 'https://collect.example.com/clickstream', appId: 'ssr' };
    const html = renderToString(
      createElement(ClickstreamProvider, { options }, createElement(Page)),
    );
    expect(html).toBe('<p>client:none</p>');
  });
});
