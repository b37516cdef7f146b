// Signed pushes (issue #19, deliverable 6) on both stores: a real kiosk core enrolled with a real
// collector on loopback. The administrator's push is signed by the portal, pulled in the upload
// reply, verified and applied by the kiosk, and reported back; a tampered signature, an unknown
// kind and a replay are refused or ignored, and the portal counts what each kiosk did.
import { createPrivateKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAccount } from '../../collector/accounts';
import { createPush, portalKey } from '../../collector/pushes';
import type { CollectorStore } from '../../collector/store/types';
import { envelopeText, type SignedPush } from '#contract/pushes';
import { localDay } from '../../common/calendar';
import { announcementsOn } from '../../electron/core/announcements/store';
import { decideLink } from '../../electron/core/eresources/links';
import { internetOf } from '../../electron/core/internet/context';
import { decideUrl } from '../../electron/core/internet/url-policy';
import { getMeta } from '../../electron/core/store/meta';
import { Uploader } from '../../electron/core/upload/uploader';
import { uploaderOf } from '../../electron/core/upload/register';
import { openTestKiosk } from '../support/kiosk';
import { enrolKiosk, signInAs, startCollector, storeFactories } from './collector-support';

const DAY = 86_400_000;

/** A fetch that lets the test stand between kiosk and collector and rewrite the collector's replies. */
function meddling(rewrite: (reply: { pushes?: SignedPush[]; portalKey?: string }) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok || !String(input).endsWith('api/upload')) return response;
    const body = (await response.json()) as { pushes?: SignedPush[]; portalKey?: string };
    rewrite(body);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe.each(storeFactories)('signed pushes on $name', (factory) => {
  async function setup() {
    const store = await factory.open();
    const t = await openTestKiosk();
    const { url } = await startCollector(store, () => t.clock.now());
    const creds = await enrolKiosk(t.kiosk.db, store, url);
    const admin = await createAccount(
      store,
      { username: 'quantri', displayName: 'Nguyễn Thị Lan', role: 'admin', communeCode: null, password: 'mat-khau-thu-nghiem' },
      t.clock.now(),
    );
    if (!admin.ok) throw new Error(admin.message);
    const today = localDay(t.clock.now());
    const push = async (kind: 'announcement' | 'blocklist' | 'pack_notice', content: unknown, communes: string[] | null = null) => {
      const r = await createPush(
        store,
        { kind, communes, content, expiresAt: new Date(t.clock.now() + 30 * DAY).toISOString(), createdBy: admin.account.id },
        t.clock.now(),
      );
      if (!r.ok) throw new Error(r.message);
      return r.id;
    };
    return { store, url, creds, db: t.kiosk.db, ctx: t.kiosk.ctx, clock: t.clock, today, push, adminId: admin.account.id };
  }
  const summary = async (store: CollectorStore, id: number) => (await store.pushList()).find((p) => p.id === id)!;

  it('the kiosk learns the key at enrolment, applies an announcement, a block list and a pack notice, and the portal counts them', async () => {
    const s = await setup();
    expect(getMeta(s.db, 'portal_push_key')).toBe((await portalKey(s.store, () => s.clock.now())).publicKey);
    const a = await s.push('announcement', { title: 'Ngày hội đọc sách', body: 'Sáng thứ Bảy tại nhà văn hóa xã.', startsOn: s.today, endsOn: s.today }, [
      '12345',
    ]);
    const b = await s.push('blocklist', { hosts: ['co-bac.example', '=xo-so.example'] });
    const c = await s.push('pack_notice', { title: 'Gói "Sách nói thiếu nhi 2027"', body: 'Cắm USB của thư viện tỉnh để cài.' });
    const before = announcementsOn(s.db, s.today).length;
    // The e-resource links' policy, loaded before the push arrives, takes the pushed hosts at once too.
    expect(decideLink(s.ctx, 'https://co-bac.example/').decision.decision).toBe('allow');
    await uploaderOf(s.ctx).runNow();
    expect(decideLink(s.ctx, 'https://co-bac.example/').decision).toMatchObject({ decision: 'block', rule: 'block-list' });
    expect(announcementsOn(s.db, s.today).map((x) => x.title)).toContain('Ngày hội đọc sách');
    expect(announcementsOn(s.db, s.today)).toHaveLength(before + 1);
    const policy = internetOf(s.ctx).policy;
    expect(decideUrl(policy, 'https://www.co-bac.example/')).toMatchObject({ decision: 'block', rule: 'block-list' });
    expect(decideUrl(policy, 'https://xo-so.example/')).toMatchObject({ decision: 'block' });
    expect(uploaderOf(s.ctx).status().portalNotices).toEqual([
      { title: 'Gói "Sách nói thiếu nhi 2027"', body: 'Cắm USB của thư viện tỉnh để cài.', receivedAt: expect.any(String) },
    ]);
    // The same run reported back: the portal shows each applied by one kiosk.
    for (const id of [a, b, c]) expect(await summary(s.store, id), `push ${id}`).toMatchObject({ applied: 1, refused: 0 });
    // Nothing is sent twice: the next run receives and applies nothing.
    await uploaderOf(s.ctx).runNow();
    expect(announcementsOn(s.db, s.today)).toHaveLength(before + 1);
  });

  it('a tampered signature is refused and reported; the kiosk applies nothing from it', async () => {
    const s = await setup();
    const id = await s.push('announcement', { title: 'Lịch mở cửa', body: 'Thứ Hai đến thứ Sáu.', startsOn: s.today, endsOn: s.today });
    const before = announcementsOn(s.db, s.today).length;
    const tamper = meddling((reply) => {
      for (const p of reply.pushes ?? []) p.payload = p.payload.replace('Lịch mở cửa', 'Hãy chuyển tiền vào tài khoản');
    });
    await new Uploader(s.ctx, { fetch: tamper }).runNow();
    expect(announcementsOn(s.db, s.today)).toHaveLength(before);
    expect(await summary(s.store, id)).toMatchObject({ applied: 0, refused: 1, refusals: [{ reason: 'bad_signature', count: 1 }] });
  });

  it('a kind the kiosk does not know is refused and reported; content its schema refuses too', async () => {
    const s = await setup();
    // A future portal signs a kind this kiosk has never heard of (with the real key).
    const key = await portalKey(s.store, () => s.clock.now());
    const at = new Date(s.clock.now()).toISOString();
    const unknown = await s.store.createPush(
      { kind: 'software_update', communes: null, summary: 'x', createdBy: s.adminId, createdAt: at, expiresAt: new Date(s.clock.now() + DAY).toISOString() },
      (pushId) => {
        const payload = envelopeText({
          id: pushId,
          kind: 'software_update',
          issuedAt: at,
          expiresAt: new Date(s.clock.now() + DAY).toISOString(),
          communes: null,
          content: { url: 'https://example.org/x.exe' },
        });
        return { payload, signature: sign(null, Buffer.from(payload), createPrivateKey(key.privateKey)).toString('base64url') };
      },
    );
    const invalid = await s.store.createPush(
      { kind: 'announcement', communes: null, summary: 'y', createdBy: s.adminId, createdAt: at, expiresAt: new Date(s.clock.now() + DAY).toISOString() },
      (pushId) => {
        const payload = envelopeText({
          id: pushId,
          kind: 'announcement',
          issuedAt: at,
          expiresAt: new Date(s.clock.now() + DAY).toISOString(),
          communes: null,
          content: { title: '', body: 'x'.repeat(5000), startsOn: 'mai', endsOn: s.today, script: '<script>' },
        });
        return { payload, signature: sign(null, Buffer.from(payload), createPrivateKey(key.privateKey)).toString('base64url') };
      },
    );
    await uploaderOf(s.ctx).runNow();
    expect(await summary(s.store, unknown)).toMatchObject({ applied: 0, refused: 1, refusals: [{ reason: 'unknown_kind', count: 1 }] });
    expect(await summary(s.store, invalid)).toMatchObject({ applied: 0, refused: 1, refusals: [{ reason: 'invalid_content', count: 1 }] });
  });

  it('a replayed push is ignored, under its own id or another; a key swapped in a reply is not trusted', async () => {
    const s = await setup();
    await s.push('announcement', { title: 'Ngày sách Việt Nam', body: '21/4', startsOn: s.today, endsOn: s.today });
    let captured: SignedPush | undefined;
    await new Uploader(s.ctx, { fetch: meddling((reply) => void (captured ??= reply.pushes?.[0])) }).runNow();
    expect(captured).toBeDefined();
    const count = announcementsOn(s.db, s.today).length;
    const receipts = () => s.db.prepare('SELECT push_id, outcome, reason FROM push_receipts ORDER BY push_id').all();
    const held = receipts();
    // Replayed later, as is: ignored (not applied again, nothing new to report).
    s.clock.advance(DAY / 2);
    await new Uploader(s.ctx, { fetch: meddling((reply) => void (reply.pushes = [captured!])) }).runNow();
    expect(announcementsOn(s.db, localDay(s.clock.now()))).toHaveLength(count);
    expect(receipts()).toEqual(held);
    // Replayed under a new id: the signed text names the old one, so it is refused, not applied.
    await new Uploader(s.ctx, { fetch: meddling((reply) => void (reply.pushes = [{ ...captured!, id: captured!.id + 1000 }])) }).runNow();
    expect(announcementsOn(s.db, localDay(s.clock.now()))).toHaveLength(count);
    expect(receipts()).toContainEqual({ push_id: captured!.id + 1000, outcome: 'refused', reason: 'malformed' });
    // A reply that offers another key changes nothing: the pinned key stays.
    const pinned = getMeta(s.db, 'portal_push_key');
    await new Uploader(s.ctx, { fetch: meddling((reply) => void (reply.portalKey = 'A'.repeat(43))) }).runNow();
    expect(getMeta(s.db, 'portal_push_key')).toBe(pinned);
  });

  it('the push page: administrators only, with the CSRF token; bad input refused with a sentence; text shown escaped', async () => {
    const s = await setup();
    const viewer = await signInAs(s.store, s.url, 'viewer', s.clock.now());
    expect((await fetch(new URL('pushes', s.url), { headers: { cookie: viewer.cookie, accept: 'text/html' } })).status).toBe(403);
    const admin = await signInAs(s.store, s.url, 'admin', s.clock.now());
    const post = (fields: Record<string, string>, csrf = admin.csrf) =>
      fetch(new URL('pushes', s.url), {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      });
    const viewerPost = await fetch(new URL('pushes', s.url), {
      method: 'POST',
      headers: { cookie: viewer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: viewer.csrf, kind: 'blocklist', hosts: 'a.example' }),
    });
    expect(viewerPost.status).toBe(403);
    expect((await post({ kind: 'blocklist', hosts: 'a.example' }, 'forged')).status).toBe(403);
    const cases: [Record<string, string>, RegExp][] = [
      [{ kind: 'announcement', title: '', startsOn: s.today, endsOn: s.today }, /Nội dung chưa hợp lệ/],
      [{ kind: 'announcement', title: 'A', startsOn: s.today, endsOn: '2020-01-01' }, /ngày kết thúc|Ngày hết hạn/],
      [{ kind: 'blocklist', hosts: 'a.example', communes: '123' }, /5 chữ số/],
      [{ kind: 'blocklist', hosts: 'a.example', communes: '99999' }, /chưa có trong danh mục/],
      [{ kind: 'config_change', hosts: 'a.example' }, /Biểu mẫu chưa hợp lệ/],
      [{ kind: 'blocklist', hosts: '' }, /Nội dung chưa hợp lệ/],
    ];
    for (const [fields, message] of cases) {
      const response = await post(fields);
      expect(response.status, JSON.stringify(fields)).toBe(422);
      expect(await response.text(), JSON.stringify(fields)).toMatch(message);
    }
    expect(await s.store.pushList()).toEqual([]);
    const ok = await post({ kind: 'pack_notice', title: '<img src=x onerror=alert(1)>', body: 'Gói mới', communes: '12345' });
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html).toContain('Đã ký và xếp lần gửi số');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x');
  });

  it('a kiosk enrolled before the portal had a key pins the one its next upload reply carries', async () => {
    const s = await setup();
    s.db.prepare(`DELETE FROM meta WHERE key IN ('portal_push_key', 'portal_push_key_source')`).run();
    const id = await s.push('announcement', { title: 'Tuần lễ học tập suốt đời', body: '', startsOn: s.today, endsOn: s.today });
    await uploaderOf(s.ctx).runNow();
    expect(getMeta(s.db, 'portal_push_key_source')).toBe('first_upload');
    expect(getMeta(s.db, 'portal_push_key')).toBe((await portalKey(s.store, () => s.clock.now())).publicKey);
    expect(await summary(s.store, id)).toMatchObject({ applied: 1 });
  });
});
