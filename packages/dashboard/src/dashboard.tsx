import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { apiRoutes } from './api/routes.js';
import { PasswordGate, SESSION_COOKIE } from './auth.js';
import { clientScript } from './client-script.js';
import type { WarehouseReader } from './db/reader.js';
import { todayIn } from './filters/dates.js';
import { FilterError } from './filters/errors.js';
import { parseFilters } from './filters/parse-filters.js';
import { FirstRunPage } from './pages/first-run.js';
import { LoginPage } from './pages/login-page.js';
import { MainPage } from './pages/main-page.js';
import { MessagePage } from './pages/message-page.js';
import { apps, hasEvents } from './queries/apps.js';
import { reportingZone } from './queries/zone.js';
import { loadReport } from './report.js';

export interface DashboardOptions {
  reader: WarehouseReader;
  /** Shown on the first-run page: where the dashboard looked. */
  warehouseLabel: string;
  timeZone: string;
  /** When set, every page and API call needs the login cookie. */
  password?: string | undefined;
  now?: () => Date;
}

/** The reference design's Shiny app lived here; its URL keeps working. */
export const LEGACY_BASE = '/sbw_dashboard';

function routes(options: DashboardOptions, base: string): Hono {
  const now = options.now ?? (() => new Date());
  const gate = options.password ? new PasswordGate(options.password) : null;
  const app = new Hono({ strict: false });
  const secure = (url: string) => url.startsWith('https:');

  app.get('/assets/dashboard.js', async (c) =>
    c.body(await clientScript(), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
  if (gate) {
    app.get('/login', (c) =>
      c.html(
        <LoginPage
          base={base}
          failed={c.req.query('failed') === '1'}
          next={c.req.query('next') ?? ''}
        />,
      ),
    );
    app.post('/login', async (c) => {
      const form = await c.req.parseBody();
      const password = typeof form.password === 'string' ? form.password : '';
      const next =
        typeof form.next === 'string' && /^\/[^/\\]/.test(form.next) ? form.next : `${base}/`;
      if (!gate.checkPassword(password)) return c.redirect(`${base}/login?failed=1`, 303);
      setCookie(c, SESSION_COOKIE, gate.sessionToken(), {
        httpOnly: true,
        sameSite: 'Strict',
        secure: secure(c.req.url),
        path: '/',
        maxAge: 30 * 86_400,
      });
      return c.redirect(next, 303);
    });
    app.use('*', async (c, next) => {
      if (gate.checkToken(getCookie(c, SESSION_COOKIE))) return next();
      if (c.req.path.startsWith(`${base}/api/`))
        return c.json({ error: 'sign in first (POST /login)' }, 401);
      const back = new URL(c.req.url);
      return c.redirect(
        `${base}/login?next=${encodeURIComponent(back.pathname + back.search)}`,
        303,
      );
    });
  }
  app.route('/api', apiRoutes({ reader: options.reader, timeZone: options.timeZone, now }));
  app.get('/', async (c) => {
    const page = await options.reader.read(async (query) => {
      if (!(await hasEvents(query))) return { kind: 'empty' as const };
      const appList = await apps(query);
      const zone = await reportingZone(query, options.timeZone);
      const filters = parseFilters(
        c.req.query(),
        appList.map((a) => a.app_id),
        zone,
        now(),
      );
      return { kind: 'report' as const, report: await loadReport(query, filters, appList) };
    });
    if (page.kind === 'empty')
      return c.html(<FirstRunPage base={base} label={options.warehouseLabel} />);
    return c.html(
      <MainPage
        base={base}
        report={page.report}
        today={todayIn(page.report.filters.range.timeZone, now())}
        configuredTimeZone={options.timeZone}
      />,
    );
  });
  app.onError((error, c) => {
    const api = c.req.path.startsWith(`${base}/api/`);
    if (error instanceof FilterError) {
      if (api) return c.json({ error: error.message, parameter: error.parameter }, 400);
      return c.html(
        <MessagePage base={base} title="Cannot show this range" message={error.message} />,
        400,
      );
    }
    console.error(
      `clicktrail-dashboard: ${c.req.method} ${c.req.path}: ${(error as Error).stack ?? error}`,
    );
    const message = 'The warehouse did not answer; see the server log. Try again in a moment.';
    if (api) return c.json({ error: message }, 503);
    return c.html(<MessagePage base={base} title="Warehouse unavailable" message={message} />, 503);
  });
  return app;
}

/** The whole dashboard: pages and API at `/`, and again under `/sbw_dashboard/`. */
export function createDashboard(options: DashboardOptions): Hono {
  // Not strict: `/sbw_dashboard` and `/sbw_dashboard/` are the same page.
  const app = new Hono({ strict: false });
  app.route(LEGACY_BASE, routes(options, LEGACY_BASE));
  app.route('/', routes(options, ''));
  return app;
}
