import { describe, expect, it } from 'vitest';
import { banner } from './banner.js';
import { stackSettings } from './settings.js';

const parts = [
  { name: 'warehouse', announcement: { url: 'postgres://postgres@127.0.0.1:5433/postgres' } },
  { name: 'ingest', announcement: { url: 'http://localhost:3100/clickstream' } },
];

describe('the banner', () => {
  it('names the embedded warehouse once, as a part', () => {
    const lines = banner(stackSettings('/repo', { CLICKTRAIL_DATA_DIR: '/tmp/ct' }), parts, null);
    expect(lines.filter((line) => line.trim().startsWith('warehouse'))).toHaveLength(1);
    expect(lines.at(-2)).toMatch(/^ {2}data {7}\/tmp\/ct /);
  });

  it("names the user's own PostgreSQL, which is not a part it started", () => {
    const settings = stackSettings('/repo', {
      DATABASE_URL: 'postgres://dw.example:5432/clickstream_dw',
    });
    const lines = banner(settings, parts.slice(1), null);
    expect(lines.filter((line) => line.trim().startsWith('warehouse'))).toEqual([
      `  warehouse  ${settings.externalWarehouse}`,
    ]);
  });
});
