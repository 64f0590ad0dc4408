import { createElement, type ReactNode, useState } from 'react';
import { createClickstream } from '../create-clickstream.js';
import type { ClickstreamOptions } from '../options.js';
import { ClickstreamContext } from './context.js';

export interface ClickstreamProviderProps {
  /** Read once, on the first render: later changes are ignored. */
  options: ClickstreamOptions;
  children?: ReactNode;
}

/**
 * Starts the client on the first render in the browser and gives it to every component below.
 * `createClickstream` returns the same client for the same endpoint and app, so StrictMode's
 * double render, remounts and hot reloads never make a second one (nor a second page view);
 * the provider never shuts it down. Under server rendering the client records nothing and
 * touches no browser global.
 */
export function ClickstreamProvider({ options, children }: ClickstreamProviderProps) {
  // Created during render, not in an effect: children's effects (a view_item on mount) run
  // before their parents' effects, and must already find the client.
  const [client] = useState(() => createClickstream(options));
  return createElement(ClickstreamContext.Provider, { value: client }, children);
}
