import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes a header and quotes fields with commas, quotes and newlines', () => {
    const csv = toCsv([
      { path: '/a,b', views: 3 },
      { path: 'say "hi"\nthere', views: null },
    ]);
    expect(csv).toBe('path,views\r\n"/a,b",3\r\n"say ""hi""\nthere",\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv([{ name: '=cmd()' }])).toBe("name\r\n'=cmd()\r\n");
  });

  it('keeps negative numbers as numbers', () => {
    expect(toCsv([{ delta: -2 }])).toBe('delta\r\n-2\r\n');
  });
});
