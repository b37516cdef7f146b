// The administrator's push page: create a signed push (announcement, block-list hosts, content-pack
// notice) for all or some communes, and see per push how many kiosks applied or refused it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addDays, localDay, localInstant } from '../../common/calendar';
import { keyFingerprint, PUSH_KINDS, type PushKind } from '#contract/pushes';
import { csrfField, dateTime, esc, num, page } from '../pages/html';
import { createPush, portalKey } from '../pushes';
import type { CollectorStore } from '../store/types';

const DEFAULT_DAYS = 90;
const day = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).default('');
const pushForm = z
  .object({
    _csrf: z.string(),
    kind: z.enum(PUSH_KINDS),
    communes: z.string().max(20_000).default(''),
    title: z.string().max(200).default(''),
    body: z.string().max(2000).default(''),
    startsOn: day,
    endsOn: day,
    hosts: z.string().max(50_000).default(''),
    expiresOn: day,
  })
  .strict();

export function pushRoutes(app: FastifyInstance, { store, now }: { store: CollectorStore; now: () => number }): void {
  async function pushesPage(req: FastifyRequest, reply: FastifyReply, note = '', status = 200) {
    const t = req.t;
    const p = t.pushes;
    const [list, key] = await Promise.all([store.pushList(), portalKey(store, now)]);
    const rows = list
      .map(
        (x) =>
          `<tr><td>${x.id}</td><td class="l">${esc(p.kinds[x.kind] ?? x.kind)}</td><td class="l">${esc(x.summary)}</td><td class="l">${esc(x.communes ? x.communes.join(', ') : p.allCommunes)}</td><td class="l">${esc(x.createdBy)}, ${esc(
            dateTime(req.lang, x.createdAt),
          )}</td><td>${num(req.lang, x.applied)}</td><td>${num(req.lang, x.refused)}${
            x.refusals.length ? `<br><span class="note">${esc(x.refusals.map((r) => `${p.refusals[r.reason] ?? r.reason}: ${r.count}`).join('; '))}</span>` : ''
          }</td></tr>`,
      )
      .join('\n');
    const head = [p.number, p.kind, p.what, p.to, p.by, p.applied, p.refused]
      .map((h, i) => `<th class="${i === 0 || i > 4 ? '' : 'l'}" scope="col">${esc(h)}</th>`)
      .join('');
    const kindOptions = PUSH_KINDS.map((k) => `<option value="${k}">${esc(p.kinds[k]!)}</option>`).join('');
    const body = `${note}<p>${esc(p.intro)}</p><p class="note">${esc(p.key(keyFingerprint(key.publicKey)))}</p>
<h2>${esc(p.create)}</h2><form method="post" action="/pushes" class="push-form">${csrfField(req.viewer!)}
<label>${esc(p.kind)} <select name="kind">${kindOptions}</select></label>
<label>${esc(p.communes)} <input name="communes" inputmode="numeric" maxlength="20000"></label>
<label>${esc(p.titleField)} <input name="title" maxlength="120"></label>
<label>${esc(p.body)} <textarea name="body" rows="3" maxlength="600"></textarea></label>
<div class="row"><label>${esc(p.startsOn)} <input name="startsOn" type="date"></label><label>${esc(p.endsOn)} <input name="endsOn" type="date"></label></div>
<label>${esc(p.hosts)} <textarea name="hosts" rows="3"></textarea></label>
<label>${esc(p.expiresOn)} <input name="expiresOn" type="date"></label>
<p><button type="submit">${esc(p.submit)}</button></p></form>
<h2>${esc(p.list)}</h2>${list.length ? `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>` : `<p>${esc(p.none)}</p>`}`;
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(page({ lang: req.lang, t, title: p.title, viewer: req.viewer, path: '/pushes', body }));
  }
  const banner = (kind: 'ok' | 'error', text: string) => `<p class="banner ${kind}" role="${kind === 'ok' ? 'status' : 'alert'}">${esc(text)}</p>`;

  app.get(
    '/pushes',
    { config: { access: ['admin'] }, schema: { querystring: z.object({ created: z.coerce.number().int().positive().optional() }) } },
    (req, reply) => {
      const created = (req.query as { created?: number }).created;
      return pushesPage(req, reply, created ? banner('ok', req.t.pushes.created(created)) : '');
    },
  );
  app.post('/pushes', { config: { access: ['admin'] } }, async (req, reply) => {
    const parsed = pushForm.safeParse(req.body);
    if (!parsed.success) return pushesPage(req, reply, banner('error', 'Biểu mẫu chưa hợp lệ: hãy chọn loại, điền ngày dạng NNNN-TT-NN rồi gửi lại.'), 422);
    const f = parsed.data;
    const codes = f.communes.split(/[\s,;]+/).filter(Boolean);
    if (codes.some((c) => !/^\d{5}$/.test(c)))
      return pushesPage(req, reply, banner('error', 'Mã xã gồm đúng 5 chữ số, cách nhau bởi dấu phẩy. Hãy sửa rồi gửi lại.'), 422);
    const known = new Set((await store.communeRegister()).map((c) => c.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length)
      return pushesPage(req, reply, banner('error', `Mã xã ${unknown.slice(0, 5).join(', ')} chưa có trong danh mục. Hãy kiểm tra lại.`), 422);
    const kind: PushKind = f.kind;
    const content =
      kind === 'announcement'
        ? { title: f.title, body: f.body, startsOn: f.startsOn, endsOn: f.endsOn }
        : kind === 'blocklist'
          ? {
              hosts: f.hosts
                .split(/\r?\n/)
                .map((h) => h.trim())
                .filter(Boolean),
            }
          : { title: f.title, body: f.body };
    // A push stops being sent the day after it no longer matters (Vietnam's day).
    const lastDay = f.expiresOn || (kind === 'announcement' && f.endsOn ? f.endsOn : addDays(localDay(now()), DEFAULT_DAYS));
    const expiresAt = new Date(localInstant(addDays(lastDay, 1))).toISOString();
    const result = await createPush(
      store,
      { kind, communes: codes.length ? [...new Set(codes)] : null, content, expiresAt, createdBy: req.account!.id },
      now(),
    );
    if (!result.ok) return pushesPage(req, reply, banner('error', result.message), 422);
    // Post/redirect/get: reloading the page must not sign and send the push a second time.
    return reply.redirect(`/pushes?created=${result.id}`, 303);
  });
}
