import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { warehouseTarget } from './settings.js';
import { type WebDatabaseSettings, webDatabaseTarget } from './web-database.js';

describe('warehouseTarget', () => {
  it('prefers DATABASE_URL and keeps the password out of its label', () => {
    const target = warehouseTarget({
      DATABASE_URL: 'postgres://u:secret@db:5433/dw',
      DWH_HOST: 'x',
    });
    expect(target).toMatchObject({ kind: 'server', label: 'postgres://db:5433/dw' });
  });

  it("reads the reference design's DWH_* variables", () => {
    const target = warehouseTarget({ DWH_HOST: 'h', DWH_USER: 'u', DWH_PASSWORD: 'p' });
    expect(target).toMatchObject({
      kind: 'server',
      config: { host: 'h', port: 5432, user: 'u', password: 'p', database: 'clickstream_dw' },
    });
  });

  it('falls back to the embedded PGlite in .clicktrail/dw, shared on port 5433', () => {
    const target = warehouseTarget({});
    expect(target).toMatchObject({ kind: 'embedded', dir: resolve('.clicktrail/dw'), port: 5433 });
  });

  it('takes the embedded folder from DW_DIR and the port from CLICKTRAIL_PG_PORT', () => {
    const target = warehouseTarget({ DW_DIR: '/tmp/dw', CLICKTRAIL_PG_PORT: '41001' });
    expect(target).toMatchObject({ kind: 'embedded', dir: '/tmp/dw', port: 41001 });
  });

  it('refuses a port that is no port, naming the variable', () => {
    expect(() => warehouseTarget({ CLICKTRAIL_PG_PORT: 'abc' })).toThrow(
      'CLICKTRAIL_PG_PORT must be a port number (1-65535); got "abc"',
    );
    expect(() => warehouseTarget({ DWH_HOST: 'h', DWH_PORT: '70000' })).toThrow(/DWH_PORT/);
  });
});

describe('webDatabaseTarget', () => {
  it("uses the store's DATABASE_URL, else the shared embedded server, never DWH_*", () => {
    expect(webDatabaseTarget({ DATABASE_URL: 'postgres://db/clickstream_web' })).toMatchObject({
      kind: 'server',
      label: 'postgres://db/clickstream_web',
    });
    const embedded = webDatabaseTarget({ DWH_HOST: 'dw' } as WebDatabaseSettings);
    expect(embedded).toMatchObject({ kind: 'embedded', port: 5433 });
  });
});
