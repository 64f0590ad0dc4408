import { useContext, useEffect, useRef } from 'react';
import type { ClickstreamClient, RecordOptions } from '../api.js';
import { ClickstreamContext } from './context.js';

/** The client of the nearest ClickstreamProvider (one that records nothing outside any). */
export function useClickstream(): ClickstreamClient {
  return useContext(ClickstreamContext);
}

/**
 * Records `name` once when the component mounts, and again only when `key` changes (another
 * product on the same page component). StrictMode runs effects twice in development; the
 * ref survives that, so the event is recorded once.
 */
export function useRecordOnce(name: string, options: RecordOptions | undefined, key: string): void {
  const client = useClickstream();
  const recorded = useRef<string | null>(null);
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    if (recorded.current === key) return;
    recorded.current = key;
    client.record(name, latest.current);
  }, [client, name, key]);
}
