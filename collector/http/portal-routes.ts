// The portal's pages and exports: sign-in and out, language, the dashboard and the drill-down to
// one commune, the figure exports, and the static files (stylesheet, uPlot, the chart script).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parsePeriod, PERIOD_HELP, previousYear, type Period } from '#contract/statistics';
import { assess } from '../assessment';
import { openSession, signIn, SESSION_COOKIE, SESSION_IDLE_MINUTES, tokenHash } from '../auth/sign-in';
import { communesCsv, communesXlsx } from '../export';
import { renderCommune, renderProvince, type Series } from '../pages/dashboard';
import { esc, page } from '../pages/html';
import type { CollectorStore } from '../store/types';
import { adminRoutes } from './admin-routes';
import { HttpError } from './errors';
import { installAccessRule, messagePage } from './session';
import { pushRoutes } from './push-routes';
import { reportRoutes } from './report-routes';

export interface PortalRouteOptions {
  store: CollectorStore;
  now: () => number;
  title: string;
  signInRateLimit: { max: number; timeWindow: number };
}

// The built collector (dist/collector/collector.mjs) carries its files in static/ beside it, uPlot's
// included (scripts/build.mjs copies them); run from source, they are in collector/static and uPlot's package.
const here = dirname(fileURLToPath(import.meta.url));
const bundled = existsSync(join(here, 'static', 'uPlot.iife.min.js'));
const staticDir = bundled ? join(here, 'static') : join(here, '../static');
const uplotDir = bundled ? staticDir : dirname(createRequire(import.meta.url).resolve('uplot'));
const STATIC: Record<string, { file: string; type: string }> = {
  'portal.css': { file: join(staticDir, 'portal.css'), type: 'text/css; charset=utf-8' },
  'charts.js': { file: join(staticDir, 'charts.js'), type: 'text/javascript; charset=utf-8' },
  'uplot.js': { file: join(uplotDir, 'uPlot.iife.min.js'), type: 'text/javascript; charset=utf-8' },
  'uplot.css': { file: join(uplotDir, 'uPlot.min.css'), type: 'text/css; charset=utf-8' },
};

const periodQuery = z.object({ period: z.string().max(40).optional() }).strict();
/** The province dashboard also pages its list of all communes (national scale). */
const dashboardQuery = periodQuery.extend({ page: z.coerce.number().int().min(1).max(10_000).optional() }).strict();
const signInBody = z.object({ username: z.string().max(80), password: z.string().max(200), next: z.string().max(300).optional() }).strict();
/** Only a path on this portal may follow sign-in (no open redirect). */
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[A-Za-z0-9/_.?=&%-]*$/.test(next) ? next : '/');

export function portalRoutes(app: FastifyInstance, options: PortalRouteOptions): void {
  const { store, now } = options;
  installAccessRule(app, store, now);
  const periodOf = (text: string | undefined): Period => {
    const period = parsePeriod(text ?? String(new Date(now()).getUTCFullYear()));
    if (!period) throw new HttpError(400, 'bad_period', PERIOD_HELP);
    return period;
  };
  /** The commune a commune viewer is limited to; others see the whole province. */
  const scopeOf = (req: FastifyRequest) => (req.account?.role === 'commune' ? (req.account.communeCode ?? '-none-') : null);

  async function seriesOf(period: Period, commune: string | null): Promise<Series> {
    const prev = previousYear(period);
    const [cur, old] = await Promise.all([store.monthlySeries(period.from, period.to, commune), store.monthlySeries(prev.from, prev.to, commune)]);
    const months: string[] = [];
    for (let m = period.from.slice(0, 7); m <= period.to.slice(0, 7);) {
      months.push(m);
      const [y, mo] = m.split('-').map(Number) as [number, number];
      m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
    }
    const pick = (rows: typeof cur, month: string) => rows.find((r) => r.month === month);
    const lastYear = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
    return {
      months,
      visits: months.map((m) => pick(cur, m)?.visits ?? 0),
      itemsServed: months.map((m) => pick(cur, m)?.itemsServed ?? 0),
      previousVisits: months.map((m) => pick(old, lastYear(m))?.visits ?? 0),
      previousItemsServed: months.map((m) => pick(old, lastYear(m))?.itemsServed ?? 0),
    };
  }

  app.get('/static/:name', { config: { access: 'public' }, schema: { params: z.object({ name: z.string().max(40) }) } }, async (req, reply) => {
    const entry = STATIC[(req.params as { name: string }).name];
    if (!entry) throw new HttpError(404, 'not_found', 'Không có trang này.');
    return reply.type(entry.type).header('cache-control', 'max-age=3600').send(readFileSync(entry.file));
  });

  app.get(
    '/lang/:lang',
    {
      config: { access: 'public' },
      schema: { params: z.object({ lang: z.enum(['vi', 'en']) }), querystring: z.object({ next: z.string().max(300).optional() }) },
    },
    async (req, reply) => {
      reply.setCookie('lang', (req.params as { lang: string }).lang, { path: '/', sameSite: 'strict', httpOnly: true, maxAge: 365 * 86_400 });
      return reply.redirect(safeNext((req.query as { next?: string }).next), 303);
    },
  );

  const signInPage = (req: FastifyRequest, next: string, error?: string) =>
    page({
      lang: req.lang,
      t: req.t,
      title: req.t.signIn.title,
      path: '/signin',
      body: `${error ? `<p class="banner error" role="alert">${esc(error)}</p>` : ''}<form method="post" action="/signin" class="signin">
<input type="hidden" name="next" value="${esc(next)}">
<label>${esc(req.t.signIn.username)} <input name="username" autocomplete="username" required maxlength="80"></label>
<label>${esc(req.t.signIn.password)} <input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
<button type="submit">${esc(req.t.signIn.submit)}</button></form>`,
    });

  app.get('/signin', { config: { access: 'public' }, schema: { querystring: z.object({ next: z.string().max(300).optional() }) } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(signInPage(req, safeNext((req.query as { next?: string }).next))),
  );

  app.post('/signin', { config: { access: 'public', rateLimit: options.signInRateLimit }, schema: { body: signInBody } }, async (req, reply) => {
    const body = req.body as z.infer<typeof signInBody>;
    const result = await signIn(store, body.username, body.password, now());
    if (!result.ok) {
      return reply
        .status(result.reason === 'locked' ? 423 : 401)
        .type('text/html; charset=utf-8')
        .send(signInPage(req, safeNext(body.next), result.reason === 'locked' ? req.t.signIn.locked : req.t.signIn.wrong));
    }
    const { token } = await openSession(store, result.account, now());
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto', maxAge: SESSION_IDLE_MINUTES * 60 });
    return reply.redirect(safeNext(body.next), 303);
  });

  app.post('/signout', { config: { access: ['admin', 'viewer', 'technician', 'commune'] } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await store.deleteSession(tokenHash(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/signin', 303);
  });

  app.get('/', { config: { access: ['admin', 'viewer', 'commune', 'technician'] }, schema: { querystring: dashboardQuery } }, async (req, reply) => {
    if (req.account!.role === 'technician') return reply.redirect('/fleet', 303);
    const scope = scopeOf(req);
    const { period: asked, page: listPage } = req.query as { period?: string; page?: number };
    if (scope) return reply.redirect(`/communes/${scope}${asked === undefined ? '' : `?period=${encodeURIComponent(asked)}`}`, 303);
    const period = periodOf(asked);
    const [a, series] = await Promise.all([assess(store, period), seriesOf(period, null)]);
    return reply.type('text/html; charset=utf-8').send(
      page({
        lang: req.lang,
        t: req.t,
        title: req.t.dash.title,
        viewer: req.viewer,
        path: '/',
        returnTo: req.url,
        body: renderProvince(req.lang, req.t, a, series, listPage),
        scripts: ['/static/uplot.css', '/static/uplot.js', '/static/charts.js'],
      }),
    );
  });

  app.get(
    '/communes/:code',
    { config: { access: ['admin', 'viewer', 'commune'] }, schema: { params: z.object({ code: z.string().regex(/^\d{5}$/) }), querystring: periodQuery } },
    async (req, reply) => {
      const code = (req.params as { code: string }).code;
      const scope = scopeOf(req);
      if (scope && scope !== code) return messagePage(req, reply, 403, req.t.forbidden);
      const period = periodOf((req.query as { period?: string }).period);
      const [a, series, terminals] = await Promise.all([assess(store, period, code), seriesOf(period, code), store.terminals()]);
      if (!a.communes.length) return messagePage(req, reply, 404, req.t.errors.unknownCommune);
      return reply.type('text/html; charset=utf-8').send(
        page({
          lang: req.lang,
          t: req.t,
          title: req.t.dash.communeTitle(a.communes[0]!.commune.name),
          viewer: req.viewer,
          path: req.url.split('?')[0]!,
          returnTo: req.url,
          body: renderCommune(
            req.lang,
            req.t,
            a,
            series,
            terminals.filter((k) => k.communeCode === code),
            now(),
          ),
          scripts: ['/static/uplot.css', '/static/uplot.js', '/static/charts.js'],
        }),
      );
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/export.${format}`, { config: { access: ['admin', 'viewer', 'commune'] }, schema: { querystring: periodQuery } }, async (req, reply) => {
      const period = periodOf((req.query as { period?: string }).period);
      const scope = scopeOf(req);
      const communes = (await store.communeTotals(period.from, period.to)).filter((c) => !scope || c.communeCode === scope);
      const body = format === 'xlsx' ? await communesXlsx(period, communes) : communesCsv(period, communes);
      return reply
        .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="thong-ke-${period.label.replace('..', '_')}.${format}"`)
        .send(body);
    });
  }

  adminRoutes(app, { store, now });
  pushRoutes(app, { store, now });
  reportRoutes(app, { store, now, periodOf });
}
