import type { RawObject } from '@clicktrail/raw-store';

export interface GroupLimits {
  /** Objects per transaction: fewer commits for many small objects. */
  objects: number;
  /** Compressed bytes per transaction: bounds the work a crash throws away. */
  bytes: number;
}

export const DEFAULT_GROUP_LIMITS: GroupLimits = { objects: 200, bytes: 8 * 1024 * 1024 };

/** Splits a day's pending objects into transaction-sized groups, in key order. */
export function* groupObjects(
  objects: readonly RawObject[],
  limits: GroupLimits = DEFAULT_GROUP_LIMITS,
): Generator<RawObject[]> {
  let group: RawObject[] = [];
  let bytes = 0;
  for (const object of objects) {
    if (
      group.length > 0 &&
      (group.length >= limits.objects || bytes + object.size > limits.bytes)
    ) {
      yield group;
      group = [];
      bytes = 0;
    }
    group.push(object);
    bytes += object.size;
  }
  if (group.length > 0) yield group;
}
