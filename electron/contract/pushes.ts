// Pushes from the provincial portal to kiosks (issue #19, deliverable 6), shared by both sides:
// the signed envelope a kiosk pulls in its upload reply, the kinds a kiosk knows how to apply,
// and the per-push result it reports back. The portal signs the envelope's exact bytes with its
// Ed25519 key; the kiosk verifies them with the key it learnt at enrolment before parsing a byte.
import { z } from 'zod';
import { calendarDay } from './statistics';

export const PUSH_KINDS = ['announcement', 'blocklist', 'pack_notice'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];
/** Pushes per upload reply, and results per upload. */
export const MAX_PUSHES_PER_REPLY = 20;
export const MAX_PUSH_RESULTS = 100;
const MAX_PAYLOAD_CHARS = 32 * 1024;

/** The portal's public key: the raw Ed25519 key, base64url (as in a JWK's `x`). */
export const portalKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'khóa công khai Ed25519 (base64url, 43 ký tự)');
const pushId = z.number().int().min(1).max(2_000_000_000);

/** What travels: the signed text as signed, and its signature. Nothing in `payload` is trusted before the check. */
export const signedPush = z
  .object({
    id: pushId,
    payload: z.string().max(MAX_PAYLOAD_CHARS),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'chữ ký Ed25519 (base64url)'),
  })
  .strict();
export type SignedPush = z.infer<typeof signedPush>;

const instant = z.iso.datetime({ offset: true });
/** The signed envelope; `content` is checked by the kiosk's own schema for `kind`, an unknown kind is refused. */
export const pushEnvelope = z
  .object({
    id: pushId,
    kind: z.string().max(40),
    issuedAt: instant,
    expiresAt: instant,
    /** Commune codes the push is for; null: every commune. */
    communes: z
      .array(z.string().regex(/^\d{5}$/))
      .min(1)
      .max(5000)
      .nullable(),
    content: z.unknown(),
  })
  .strict();
export type PushEnvelope = z.infer<typeof pushEnvelope>;

const text = (max: number) => z.string().trim().max(max);
export const pushContents = {
  /** Reading days, events: shown on the idle screen between two local days. */
  announcement: z
    .object({ title: text(120).min(1), body: text(600), startsOn: calendarDay, endsOn: calendarDay })
    .strict()
    .refine((a) => a.endsOn >= a.startsOn, { message: 'ngày kết thúc phải sau hoặc bằng ngày bắt đầu', path: ['endsOn'] }),
  /** Host patterns added to the internet URL policy's block list (same syntax as blocklist.txt). */
  blocklist: z.object({ hosts: z.array(z.string().trim().min(1).max(253)).min(1).max(500) }).strict(),
  /** A new content pack is available: shown to staff, who install it from USB or the update server. */
  pack_notice: z.object({ title: text(120).min(1), body: text(600) }).strict(),
} satisfies Record<PushKind, z.ZodType>;

export const PUSH_REFUSALS = [
  'bad_signature',
  'no_portal_key',
  'malformed',
  'unknown_kind',
  'invalid_content',
  'not_for_this_commune',
  'expired',
  'cannot_apply',
] as const;
export type PushRefusal = (typeof PUSH_REFUSALS)[number];

export const pushResult = z.object({ id: pushId, outcome: z.enum(['applied', 'refused']), reason: z.enum(PUSH_REFUSALS).optional() }).strict();
export type PushResult = z.infer<typeof pushResult>;

/** The portal's public key as people compare it: the whole key, in groups of four (portal page, `kiosk upload`). */
export function keyFingerprint(key: string): string {
  return key.replace(/(.{4})(?!$)/g, '$1 ');
}

/** Canonical text of an envelope: what the portal signs and stores. */
export function envelopeText(envelope: PushEnvelope): string {
  return JSON.stringify({
    id: envelope.id,
    kind: envelope.kind,
    issuedAt: envelope.issuedAt,
    expiresAt: envelope.expiresAt,
    communes: envelope.communes,
    content: envelope.content,
  });
}
