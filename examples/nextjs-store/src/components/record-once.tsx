'use client';
import type { RecordOptions } from '@clicktrail/sdk';
import { useRecordOnce } from '@clicktrail/sdk/react';

/** Records an event when a server-rendered page is shown (view_item, search), once per key. */
export function RecordOnce({
  name,
  options,
  eventKey,
}: {
  name: string;
  options?: RecordOptions;
  eventKey: string;
}) {
  useRecordOnce(name, options, eventKey);
  return null;
}
