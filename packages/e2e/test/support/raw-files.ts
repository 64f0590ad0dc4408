import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every raw event line ingest has written under `events/` so far. */
export async function rawEventLines(rawDir: string): Promise<string[]> {
  const files = await readdir(join(rawDir, 'events'), { recursive: true }).catch(() => []);
  const objects = files.filter((file) => file.endsWith('.ndjson.gz'));
  const contents = await Promise.all(
    objects.map(async (file) =>
      gunzipSync(await readFile(join(rawDir, 'events', file))).toString(),
    ),
  );
  return contents.flatMap((text) => text.split('\n').filter(Boolean));
}
