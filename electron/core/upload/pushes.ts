// Pushes from the provincial portal, pulled in the upload reply (issue #19). Each is checked in
// order — the portal's signature over the exact text, then the envelope, the kind, this kiosk's
// own schema for it, the commune and the expiry — and applied only when all pass; either way a
// receipt records what became of it, and the next upload reports it. A push already handled
// (same id, signature verified) is a replay: ignored, neither applied nor reported again.
import { pushContents, pushEnvelope, PUSH_KINDS, type PushKind, type PushRefusal, type PushResult, type SignedPush } from '#contract/pushes';
import { MAX_PUSH_RESULTS } from '#contract/pushes';
import { createAnnouncement } from '../announcements/store';
import type { KioskContext } from '../context';
import { addPushedBlockHosts, blockInRunningPolicy, invalidHosts } from '../internet/pushed-blocks';
import type { Db } from '../store/open';
import { pinPortalKey, portalKeyOf, signedByPortal } from './portal-key';

type Verdict = { kind: string; verified: boolean } & (
  { outcome: 'applied'; apply: () => void; after?: () => void } | { outcome: 'refused'; reason: PushRefusal }
);

const refuse = (kind: string, verified: boolean, reason: PushRefusal): Verdict => ({ kind, verified, outcome: 'refused', reason });

function judge(ctx: KioskContext, communeCode: string, push: SignedPush, key: string | undefined): Verdict {
  if (!key) return refuse('unknown', false, 'no_portal_key');
  if (!signedByPortal(key, push.payload, push.signature)) return refuse('unknown', false, 'bad_signature');
  let envelope;
  try {
    envelope = pushEnvelope.safeParse(JSON.parse(push.payload));
  } catch {
    return refuse('unknown', true, 'malformed');
  }
  if (!envelope.success || envelope.data.id !== push.id) return refuse('unknown', true, 'malformed');
  const { kind, communes, expiresAt } = envelope.data;
  if (!(PUSH_KINDS as readonly string[]).includes(kind)) return refuse(kind.slice(0, 40), true, 'unknown_kind');
  const content = pushContents[kind as PushKind].safeParse(envelope.data.content);
  if (!content.success) return refuse(kind, true, 'invalid_content');
  if (communes && !communes.includes(communeCode)) return refuse(kind, true, 'not_for_this_commune');
  if (Date.parse(expiresAt) <= ctx.clock.now()) return refuse(kind, true, 'expired');
  const at = new Date(ctx.clock.now()).toISOString();
  const c = content.data as Record<string, unknown>;
  switch (kind as PushKind) {
    case 'announcement':
      return {
        kind,
        verified: true,
        outcome: 'applied',
        apply: () =>
          void createAnnouncement(ctx.db, ctx.clock, null, {
            title: String(c.title),
            body: String(c.body),
            image: null,
            startsOn: String(c.startsOn),
            endsOn: String(c.endsOn),
          }),
      };
    case 'blocklist': {
      const hosts = c.hosts as string[];
      if (invalidHosts(hosts).length) return refuse(kind, true, 'invalid_content');
      let added: string[] = [];
      return {
        kind,
        verified: true,
        outcome: 'applied',
        apply: () => void (added = addPushedBlockHosts(ctx, push.id, hosts)),
        after: () => blockInRunningPolicy(ctx, added),
      };
    }
    case 'pack_notice':
      return {
        kind,
        verified: true,
        outcome: 'applied',
        apply: () =>
          void ctx.db
            .prepare('INSERT INTO pushed_notices (push_id, title, body, received_at) VALUES (?, ?, ?, ?)')
            .run(push.id, String(c.title), String(c.body), at),
      };
  }
}

/** Handles the pushes of one upload reply; pins the portal's key first if the kiosk has none (see portal-key.ts). */
export function receivePushes(ctx: KioskContext, communeCode: string, reply: { portalKey?: string | undefined; pushes?: SignedPush[] | undefined }): void {
  const { db } = ctx;
  if (reply.portalKey && !portalKeyOf(db)) pinPortalKey(db, reply.portalKey, 'first_upload');
  const key = portalKeyOf(db)?.key;
  const held = db.prepare('SELECT verified FROM push_receipts WHERE push_id = ?');
  const write = db.prepare(
    `INSERT INTO push_receipts (push_id, kind, outcome, reason, verified, received_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (push_id) DO UPDATE SET kind = excluded.kind, outcome = excluded.outcome, reason = excluded.reason, verified = excluded.verified,
       received_at = excluded.received_at, reported_at = NULL`,
  );
  for (const push of reply.pushes ?? []) {
    // A copy of a push already verified and handled: a replay, ignored. (An unverified receipt does not block the genuine push.)
    if ((held.get(push.id) as { verified: number } | undefined)?.verified === 1) continue;
    let verdict = judge(ctx, communeCode, push, key);
    const at = new Date(ctx.clock.now()).toISOString();
    const record = (v: Verdict) => write.run(push.id, v.kind, v.outcome, v.outcome === 'refused' ? v.reason : null, v.verified ? 1 : 0, at);
    try {
      db.transaction(() => {
        if (verdict.outcome === 'applied') verdict.apply();
        record(verdict);
      })();
    } catch (error) {
      ctx.log.log('warn', 'upload.push_not_applied', { pushId: push.id, kind: verdict.kind, error: String((error as Error)?.message ?? error).slice(0, 200) });
      verdict = refuse(verdict.kind, verdict.verified, 'cannot_apply');
      record(verdict);
    }
    if (verdict.outcome === 'applied') verdict.after?.();
    ctx.log.log('info', 'upload.push_received', {
      pushId: push.id,
      kind: verdict.kind,
      outcome: verdict.outcome,
      reason: verdict.outcome === 'refused' ? verdict.reason : null,
    });
  }
}

/** Receipts the portal has not been told about yet, oldest first. */
export function unreportedResults(db: Db): PushResult[] {
  const rows = db.prepare('SELECT push_id, outcome, reason FROM push_receipts WHERE reported_at IS NULL ORDER BY push_id LIMIT ?').all(MAX_PUSH_RESULTS) as {
    push_id: number;
    outcome: 'applied' | 'refused';
    reason: PushRefusal | null;
  }[];
  return rows.map((r) => ({ id: r.push_id, outcome: r.outcome, ...(r.reason ? { reason: r.reason } : {}) }));
}

export function markReported(db: Db, results: PushResult[], now: number): void {
  const stmt = db.prepare('UPDATE push_receipts SET reported_at = ? WHERE push_id = ? AND outcome = ? AND reported_at IS NULL');
  db.transaction(() => results.forEach((r) => stmt.run(new Date(now).toISOString(), r.id, r.outcome)))();
}

/** Content-pack notices for staff, newest first. */
export function portalNotices(db: Db): { title: string; body: string; receivedAt: string }[] {
  return db.prepare('SELECT title, body, received_at AS receivedAt FROM pushed_notices ORDER BY push_id DESC LIMIT 10').all() as {
    title: string;
    body: string;
    receivedAt: string;
  }[];
}
