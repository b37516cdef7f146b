// The administrator's and technician's pages: the commune register and its import, the targets,
// accounts, and terminals (registering one prints its one-time enrolment code).
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createAccount } from '../accounts';
import { registerTerminal } from '../admin';
import { MAX_ATTEMPTS } from '../auth/sign-in';
import { readCommuneRegister } from '../communes-import';
import { needingAttention } from '../fleet';
import { renderFleet } from '../pages/fleet';
import { csrfField, dateTime, esc, num, page } from '../pages/html';
import { ROLES } from '../store/portal-types';
import type { CollectorStore } from '../store/types';
import { TARGET_KEYS, targetsFor } from '../targets';

const html = (req: FastifyRequest, reply: FastifyReply, title: string, path: string, body: string, status = 200) =>
  reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(page({ lang: req.lang, t: req.t, title, viewer: req.viewer, path, body }));
const banner = (kind: 'ok' | 'error', text: string) => `<p class="banner ${kind}" role="${kind === 'ok' ? 'status' : 'alert'}">${esc(text)}</p>`;
const ADMIN = { access: ['admin'] as const };

export function adminRoutes(app: FastifyInstance, { store, now }: { store: CollectorStore; now: () => number }): void {
  void app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 4 } });

  // ---- Commune register ----
  async function communesPage(req: FastifyRequest, reply: FastifyReply, note = '', status = 200) {
    const t = req.t;
    const communes = await store.communeRegister();
    const rows = communes
      .map(
        (c) =>
          `<tr><td class="l">${esc(c.provinceCode)}</td><td class="l">${esc(c.code)}</td><td class="l"><a href="/communes/${esc(c.code)}">${esc(c.name)}</a></td><td class="l">${esc(c.district ?? '—')}</td><td>${
            c.population === null ? '—' : num(req.lang, c.population)
          }</td><td class="l">${esc(c.rural ? t.dash.yes : t.dash.no)}</td><td class="l">${esc(c.disadvantaged ? t.dash.yes : t.dash.no)}</td><td>${c.minorityPct === null ? '—' : num(req.lang, c.minorityPct)}</td></tr>`,
      )
      .join('\n');
    return html(
      req,
      reply,
      t.communes.title,
      '/admin/communes',
      `${note}<h2>${esc(t.communes.importTitle)}</h2><p class="note" id="import-help">${esc(t.communes.importHelp)}</p>
<form method="post" action="/admin/communes" enctype="multipart/form-data" class="row">${csrfField(req.viewer!)}<label>${esc(t.communes.file)} <input type="file" name="file" accept=".csv,.xlsx" required aria-describedby="import-help"></label><button type="submit">${esc(t.communes.submit)}</button></form>
<p>${esc(t.communes.count(communes.length))}</p>
<div class="table-wrap"><table><thead><tr><th class="l" scope="col">${esc(t.communes.province)}</th><th class="l" scope="col">${esc(t.dash.code)}</th><th class="l" scope="col">${esc(t.dash.commune)}</th><th class="l" scope="col">${esc(
        t.communes.district,
      )}</th><th scope="col">${esc(t.dash.population)}</th><th class="l" scope="col">${esc(t.dash.rural)}</th><th class="l" scope="col">${esc(t.dash.disadvantaged)}</th><th scope="col">${esc(t.communes.minority)}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
      status,
    );
  }
  app.get('/admin/communes', { config: ADMIN }, (req, reply) => communesPage(req, reply));
  app.post('/admin/communes', { config: ADMIN }, async (req, reply) => {
    const file = (req.body as { file?: { toBuffer?: () => Promise<Buffer> } }).file;
    if (!file?.toBuffer) return communesPage(req, reply, banner('error', 'Hãy chọn tệp danh mục (CSV hoặc XLSX) rồi bấm Nhập.'), 400);
    const result = await readCommuneRegister(await file.toBuffer());
    if (!result.ok) return communesPage(req, reply, banner('error', result.message), 422);
    const { added, updated } = await store.upsertCommunes(result.communes);
    return communesPage(req, reply, banner('ok', req.t.communes.done(added, updated)));
  });

  // ---- Targets ----
  const yearQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional() }).strict();
  async function targetsPage(req: FastifyRequest, reply: FastifyReply, year: number, note = '', status = 200) {
    const t = req.t;
    const targets = targetsFor(year, await store.targetRows());
    const rows = TARGET_KEYS.map(
      (k) =>
        `<tr><th class="l" scope="row">${esc(t.targets.names[k] ?? k)}${targets[k].custom ? '' : ` <span class="note">(${esc(t.targets.isDefault)})</span>`}</th><td><input name="${k}.min" inputmode="decimal" value="${targets[k].minPct}" aria-label="${esc(
          `${t.targets.names[k]} — ${t.targets.min}`,
        )}" size="6"></td><td><input name="${k}.max" inputmode="decimal" value="${targets[k].maxPct}" aria-label="${esc(`${t.targets.names[k]} — ${t.targets.max}`)}" size="6"></td></tr>`,
    ).join('\n');
    return html(
      req,
      reply,
      t.targets.title,
      '/admin/targets',
      `${note}<p>${esc(t.targets.intro)}</p><form method="get" action="/admin/targets" class="row"><label>${esc(t.targets.year)} <input name="year" value="${year}" inputmode="numeric" size="6"></label><button type="submit">${esc(t.period.show)}</button></form>
<form method="post" action="/admin/targets">${csrfField(req.viewer!)}<input type="hidden" name="year" value="${year}"><div class="table-wrap"><table><thead><tr><th class="l" scope="col">${esc(t.dash.indicator)}</th><th scope="col">${esc(
        t.targets.min,
      )}</th><th scope="col">${esc(t.targets.max)}</th></tr></thead><tbody>${rows}</tbody></table></div><p><button type="submit">${esc(t.targets.save)}</button></p></form>`,
      status,
    );
  }
  const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now()));
  app.get('/admin/targets', { config: ADMIN, schema: { querystring: yearQuery } }, (req, reply) =>
    targetsPage(req, reply, (req.query as { year?: number }).year ?? thisYear()),
  );
  const pctField = z.coerce.number().min(-100).max(1000);
  const targetsBody = z
    .object({
      _csrf: z.string(),
      year: z.coerce.number().int().min(2020).max(2100),
      ...Object.fromEntries(
        TARGET_KEYS.flatMap((k) => [
          [`${k}.min`, pctField],
          [`${k}.max`, pctField],
        ]),
      ),
    })
    .strict();
  app.post('/admin/targets', { config: ADMIN }, async (req, reply) => {
    const parsed = targetsBody.safeParse(req.body);
    const year = Number((req.body as { year?: string }).year) || thisYear();
    if (!parsed.success)
      return targetsPage(
        req,
        reply,
        year,
        banner('error', 'Chỉ tiêu phải là số từ -100 đến 1000 (dùng dấu chấm cho phần thập phân). Hãy sửa rồi lưu lại.'),
        422,
      );
    const values = parsed.data as unknown as Record<string, number>;
    for (const k of TARGET_KEYS) {
      if (values[`${k}.min`]! > values[`${k}.max`]!)
        return targetsPage(req, reply, year, banner('error', 'Mức tối thiểu không được lớn hơn mức tối đa. Hãy sửa rồi lưu lại.'), 422);
    }
    for (const k of TARGET_KEYS) await store.setTarget({ indicator: k, year: parsed.data.year, minPct: values[`${k}.min`]!, maxPct: values[`${k}.max`]! });
    return targetsPage(req, reply, parsed.data.year, banner('ok', req.t.targets.saved));
  });

  // ---- Accounts ----
  async function accountsPage(req: FastifyRequest, reply: FastifyReply, note = '', status = 200) {
    const t = req.t;
    const accounts = await store.accounts();
    const rows = accounts
      .map(
        (a) =>
          `<tr><td class="l">${esc(a.username)}</td><td class="l">${esc(a.displayName)}</td><td class="l">${esc(t.roles[a.role])}${a.communeCode ? ` (${esc(a.communeCode)})` : ''}</td><td class="l">${
            a.failed >= MAX_ATTEMPTS
              ? `${esc(t.accounts.locked)} <form method="post" action="/admin/accounts/${a.id}/unlock">${csrfField(req.viewer!)}<button type="submit">${esc(t.accounts.unlock)}</button></form>`
              : esc(t.accounts.active)
          }</td><td class="l">${esc(dateTime(req.lang, a.createdAt))}</td></tr>`,
      )
      .join('\n');
    return html(
      req,
      reply,
      t.accounts.title,
      '/admin/accounts',
      `${note}<div class="table-wrap"><table><thead><tr><th class="l" scope="col">${esc(t.accounts.username)}</th><th class="l" scope="col">${esc(t.accounts.displayName)}</th><th class="l" scope="col">${esc(
        t.accounts.role,
      )}</th><th class="l" scope="col">${esc(t.accounts.state)}</th><th class="l" scope="col"></th></tr></thead><tbody>${rows}</tbody></table></div>
<h2>${esc(t.accounts.create)}</h2><form method="post" action="/admin/accounts" class="row">${csrfField(req.viewer!)}
<label>${esc(t.accounts.username)} <input name="username" required maxlength="40" autocomplete="off"></label>
<label>${esc(t.accounts.displayName)} <input name="displayName" required maxlength="80"></label>
<label>${esc(t.accounts.role)} <select name="role">${ROLES.map((r) => `<option value="${r}">${esc(t.roles[r])}</option>`).join('')}</select></label>
<label>${esc(t.accounts.commune)} <input name="communeCode" inputmode="numeric" maxlength="5"></label>
<label>${esc(t.accounts.password)} <input name="password" type="password" required autocomplete="new-password"></label>
<button type="submit">${esc(t.accounts.create)}</button></form>`,
      status,
    );
  }
  app.get('/admin/accounts', { config: ADMIN }, (req, reply) => accountsPage(req, reply));
  app.post('/admin/accounts', { config: ADMIN }, async (req, reply) => {
    const b = req.body as Record<string, string>;
    const result = await createAccount(
      store,
      { username: b.username ?? '', displayName: b.displayName ?? '', role: b.role as never, communeCode: b.communeCode || null, password: b.password ?? '' },
      now(),
    );
    if (!result.ok) return accountsPage(req, reply, banner('error', result.message), 422);
    return accountsPage(req, reply, banner('ok', req.t.accounts.created(result.account.username)));
  });
  app.post('/admin/accounts/:id/unlock', { config: ADMIN, schema: { params: z.object({ id: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await store.unlock((req.params as { id: number }).id);
    return reply.redirect('/admin/accounts', 303);
  });

  // ---- Terminals ----
  async function terminalsPage(req: FastifyRequest, reply: FastifyReply, note = '', status = 200) {
    const t = req.t;
    const terminals = await store.terminals();
    const rows = terminals
      .map(
        (k) =>
          `<tr><td class="l">${esc(k.communeName)} (${esc(k.communeCode)})</td><td class="l">${esc(k.name)}</td><td class="l">${esc(k.id)}</td><td class="l">${esc(
            k.revokedAt ? t.terminals.revoked : k.enrolledAt ? t.terminals.active : t.terminals.pending,
          )}</td><td class="l">${esc(k.lastSeenAt ? dateTime(req.lang, k.lastSeenAt) : t.dash.never)}</td><td class="l">${esc(k.lastSoftware ?? '—')}</td><td>${num(req.lang, k.days)}</td></tr>`,
      )
      .join('\n');
    const form =
      req.account!.role === 'admin'
        ? `<h2>${esc(t.terminals.add)}</h2><form method="post" action="/terminals" class="row">${csrfField(req.viewer!)}<label>${esc(t.terminals.commune)} <input name="communeCode" inputmode="numeric" maxlength="5" required></label><label>${esc(
            t.terminals.name,
          )} <input name="name" required maxlength="80"></label><button type="submit">${esc(t.terminals.add)}</button></form>`
        : '';
    return html(
      req,
      reply,
      t.terminals.title,
      '/terminals',
      `${note}<div class="table-wrap"><table><thead><tr><th class="l" scope="col">${esc(t.dash.commune)}</th><th class="l" scope="col">${esc(t.terminals.name)}</th><th class="l" scope="col">${esc(t.dash.code)}</th><th class="l" scope="col">${esc(
        t.terminals.state,
      )}</th><th class="l" scope="col">${esc(t.dash.lastSeen)}</th><th class="l" scope="col">${esc(t.terminals.software)}</th><th scope="col">${esc(t.dash.daysReceived)}</th></tr></thead><tbody>${rows}</tbody></table></div>${form}`,
      status,
    );
  }
  app.get('/terminals', { config: { access: ['admin', 'technician'] } }, (req, reply) => terminalsPage(req, reply));
  app.get('/fleet', { config: { access: ['admin', 'technician'] } }, async (req, reply) => {
    const list = needingAttention(await store.terminals(), now(), await store.fleetHealth());
    return html(req, reply, req.t.fleet.title, '/fleet', renderFleet(req.lang, req.t, list, now()));
  });
  app.post('/terminals', { config: ADMIN }, async (req, reply) => {
    const b = req.body as Record<string, string>;
    const commune = (await store.communeRegister()).find((c) => c.code === b.communeCode);
    if (!commune) return terminalsPage(req, reply, banner('error', 'Mã xã này chưa có trong danh mục. Hãy nhập danh mục xã trước.'), 422);
    try {
      const r = await registerTerminal(
        store,
        { communeCode: commune.code, communeName: commune.name, provinceCode: commune.provinceCode, name: b.name ?? '' },
        now(),
      );
      return terminalsPage(req, reply, banner('ok', req.t.terminals.code(r.code, dateTime(req.lang, r.expiresAt))));
    } catch {
      return terminalsPage(req, reply, banner('error', 'Tên máy trạm cần từ 1 đến 80 ký tự.'), 422);
    }
  });
}
