// The terminal's identity: generated at first start on this machine (never baked into an image).
// When the stored machine fingerprint differs from this machine's, the disk was cloned: a new
// identity is made; upload credentials are bound to the identity they were enrolled under
// (upload/credentials.ts), so two PCs never upload under one identity.
import { randomBytes } from 'node:crypto';
import type { TerminalIdentity } from '#contract/technician';
import type { Clock } from '../clock';
import type { KioskContext } from '../context';
import type { Db } from '../store/open';
import { getMeta, setMeta } from '../store/meta';
import { machineFingerprint } from './machine-id';

export const META_TERMINAL_ID = 'terminal_id';
export const META_TERMINAL_CREATED_AT = 'terminal_created_at';
export const META_MACHINE_FINGERPRINT = 'machine_fingerprint';
/** Read by the upload feature: enrolment made before this instant belongs to another machine. */
export const META_IDENTITY_RESET_AT = 'identity_reset_at';

export type IdentityOutcome = 'created' | 'kept' | 'cloned' | 'unverified';

function newTerminalId(): string {
  return `kiosk-${randomBytes(12).toString('base64url')}`;
}

/**
 * Makes sure the database carries an identity for this machine. Pure apart from the database:
 * the machine id comes in (undefined when the platform gives none: the identity is then kept).
 */
export function ensureTerminalIdentity(
  db: Db,
  clock: Pick<Clock, 'now'>,
  machineId: string | undefined,
): { outcome: IdentityOutcome; terminalId: string; previousTerminalId?: string } {
  const stored = getMeta(db, META_TERMINAL_ID);
  const storedPrint = getMeta(db, META_MACHINE_FINGERPRINT);
  const print = machineId === undefined ? undefined : machineFingerprint(machineId);
  const now = new Date(clock.now()).toISOString();
  return db.transaction(() => {
    if (!stored) {
      const terminalId = newTerminalId();
      setMeta(db, META_TERMINAL_ID, terminalId);
      setMeta(db, META_TERMINAL_CREATED_AT, now);
      if (print) setMeta(db, META_MACHINE_FINGERPRINT, print);
      return { outcome: 'created' as const, terminalId };
    }
    if (!print) return { outcome: 'unverified' as const, terminalId: stored };
    if (!storedPrint) {
      // Identity made before the machine id could be read: adopt this machine.
      setMeta(db, META_MACHINE_FINGERPRINT, print);
      return { outcome: 'kept' as const, terminalId: stored };
    }
    if (storedPrint === print) return { outcome: 'kept' as const, terminalId: stored };
    const terminalId = newTerminalId();
    setMeta(db, META_TERMINAL_ID, terminalId);
    setMeta(db, META_TERMINAL_CREATED_AT, now);
    setMeta(db, META_MACHINE_FINGERPRINT, print);
    setMeta(db, META_IDENTITY_RESET_AT, now);
    return { outcome: 'cloned' as const, terminalId, previousTerminalId: stored };
  })();
}

/**
 * Runs the identity check for a starting kiosk. A clone is recorded in META_IDENTITY_RESET_AT, which
 * the self-test and the technician's overview show until the kiosk is enrolled again.
 */
export function checkIdentityAtStart(ctx: KioskContext, machineId: string | undefined): IdentityOutcome {
  const result = ensureTerminalIdentity(ctx.db, ctx.clock, machineId);
  if (result.outcome === 'cloned') {
    ctx.log.log('warn', 'identity.cloned_image_detected', { terminalIdChanged: true });
  } else if (result.outcome === 'created') {
    ctx.log.log('info', 'identity.created', {});
  }
  return result.outcome;
}

export function readTerminalIdentity(db: Db, machineIdKnown: boolean): TerminalIdentity {
  return {
    terminalId: getMeta(db, META_TERMINAL_ID) ?? '',
    createdAt: getMeta(db, META_TERMINAL_CREATED_AT) ?? '',
    resetAt: getMeta(db, META_IDENTITY_RESET_AT) ?? null,
    machineIdKnown,
  };
}
