// The portal's access rule, in one place: every portal route declares who may use it
// (config.access: 'public' or a list of roles); a route without a declaration is refused, so a
// new page is never open by mistake. Also the language and the CSRF check for POSTs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfMatches, currentSession, SESSION_COOKIE } from '../auth/sign-in';
import { LANGS, textsFor, type Lang, type Texts } from '../i18n';
import { page, type Viewer } from '../pages/html';
import type { Account, Role } from '../store/portal-types';
import type { CollectorStore } from '../store/types';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: 'public' | readonly Role[];
  }
  interface FastifyRequest {
    lang: Lang;
    t: Texts;
    account?: Account;
    viewer?: Viewer;
  }
}

export function langOf(req: FastifyRequest): Lang {
  const chosen = req.cookies.lang;
  return (LANGS as readonly string[]).includes(chosen ?? '') ? (chosen as Lang) : 'vi';
}

const wantsHtml = (req: FastifyRequest) =>
  req.method === 'GET' && !/\.(csv|xlsx|pdf|json)$/.test(req.routeOptions.url ?? '') && (req.headers.accept ?? '').includes('text/html');

export function messagePage(req: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  const t = req.t;
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(
      page({
        lang: req.lang,
        t,
        title: t.appTitle,
        viewer: req.viewer,
        path: '',
        body: `<p class="banner error" role="alert">${message.replace(/</g, '&lt;')}</p><p><a href="/">${t.nav.dashboard}</a></p>`,
      }),
    );
}

export function installAccessRule(app: FastifyInstance, store: CollectorStore, now: () => number): void {
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('t', null as unknown as Texts);
  app.addHook('preHandler', async (req, reply) => {
    req.lang = langOf(req);
    req.t = textsFor(req.lang);
    const access = req.routeOptions.config.access;
    if (access === 'public') return;
    const session = await currentSession(store, req.cookies[SESSION_COOKIE], now());
    if (!session) {
      if (wantsHtml(req)) return reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
      return reply.status(401).send({ ok: false, error: { code: 'signed_out', message: 'Hãy đăng nhập cổng thống kê trước.' } });
    }
    req.account = session.account;
    req.viewer = { displayName: session.account.displayName, role: session.account.role, csrf: session.csrf };
    req.roleForLog = session.account.role;
    if (!access || !access.includes(session.account.role)) return messagePage(req, reply, 403, req.t.forbidden);
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (req.method === 'POST' && !csrfMatches(typeof sent === 'object' && sent ? (sent as { value?: unknown }).value : sent, session.csrf))
      return messagePage(req, reply, 403, req.t.csrf);
  });
}
