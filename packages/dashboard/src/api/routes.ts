import { Hono } from 'hono';
import type { WarehouseReader } from '../db/reader.js';
import { parseFilters } from '../filters/parse-filters.js';
import { previousRange } from '../filters/range.js';
import { apps } from '../queries/apps.js';
import { reportingZone } from '../queries/zone.js';
import { toCsv } from './csv.js';
import { csvRows, PANELS, type PanelName } from './panels.js';

export interface ApiOptions {
  reader: WarehouseReader;
  timeZone: string;
  now(): Date;
}

/** `GET /api/apps` and `GET /api/<panel>`: JSON, or CSV with `format=csv`. */
export function apiRoutes({ reader, timeZone, now }: ApiOptions): Hono {
  const api = new Hono();
  api.get('/apps', async (c) => {
    const list = await reader.read(apps);
    if (c.req.query('format') === 'csv') return csv(c.body.bind(c), 'apps', toCsv(list as never));
    return c.json({ apps: list });
  });
  api.get('/:panel', async (c) => {
    const name = c.req.param('panel');
    if (!Object.hasOwn(PANELS, name)) {
      return c.json(
        { error: `unknown panel "${name.slice(0, 40)}"; known: ${Object.keys(PANELS).join(', ')}` },
        404,
      );
    }
    const panel = PANELS[name as PanelName];
    const answer = await reader.read(async (query) => {
      const known = (await apps(query)).map((a) => a.app_id);
      const zone = await reportingZone(query, timeZone);
      const filters = parseFilters(c.req.query(), known, zone, now());
      const current = await panel.load(query, filters.range, filters);
      const previous =
        filters.compare && panel.comparable
          ? await panel.load(query, previousRange(filters.range), filters)
          : undefined;
      return { filters, current, previous };
    });
    if (answer.filters.format === 'csv') {
      const { from, to } = answer.filters.range;
      return csv(
        c.body.bind(c),
        `${name}-${from}-${to}`,
        toCsv(csvRows(panel, answer.current, answer.previous)),
      );
    }
    return c.json(
      answer.previous ? { ...answer.current, previous: answer.previous } : answer.current,
    );
  });
  return api;
}

type Body = (data: string, status: 200, headers: Record<string, string>) => Response;

const csv = (body: Body, file: string, text: string) =>
  body(text, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${file.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`,
  });
