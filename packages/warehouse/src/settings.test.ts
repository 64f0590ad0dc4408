import { describe, expect, it } from 'vitest';
import { warehouseTarget } from './settings.js';

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

  it('falls back to embedded PGlite in .clicktrail/dw', () => {
    const target = warehouseTarget({});
    expect(target.kind === 'embedded' && target.dir.endsWith('.clicktrail/dw')).toBe(true);
  });
});
