// Signing in to the portal: a wrong-password counter that is updated atomically before the
// password is checked (so 50 parallel guesses count 50 and only MAX_ATTEMPTS are ever checked),
// and server-side sessions identified by a random token whose hash is stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Account } from '../store/portal-types';
import type { CollectorStore } from '../store/types';
import { hashPassword, verifyPassword } from './passwords';

export const MAX_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_COOKIE = 'portal_session';

export type SignInResult = { ok: true; account: Account } | { ok: false; reason: 'wrong' | 'locked' };

// Unknown names cost a scrypt like known ones, so timing does not tell which names exist.
let decoyHash: Promise<string> | undefined;

export async function signIn(store: CollectorStore, username: string, password: string, now: number): Promise<SignInResult> {
  const account = await store.accountByUsername(username.trim().toLowerCase());
  if (!account || account.disabledAt) {
    await verifyPassword(password, await (decoyHash ??= hashPassword('decoy-password-never-used')));
    return { ok: false, reason: 'wrong' };
  }
  const lockedSince = new Date(now - LOCK_MINUTES * 60_000).toISOString();
  if (!(await store.reserveSignInAttempt(account.id, MAX_ATTEMPTS, new Date(now).toISOString(), lockedSince))) return { ok: false, reason: 'locked' };
  if (!(await verifyPassword(password, account.passwordHash))) return { ok: false, reason: 'wrong' };
  if (!(await store.signInSucceeded(account.id, MAX_ATTEMPTS))) return { ok: false, reason: 'locked' };
  return { ok: true, account };
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function openSession(store: CollectorStore, account: Account, now: number): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await store.createSession(tokenHash(token), account.id, csrf, new Date(now).toISOString(), new Date(now + SESSION_IDLE_MINUTES * 60_000).toISOString());
  return { token, csrf };
}

export async function currentSession(store: CollectorStore, token: string | undefined, now: number) {
  if (!token || token.length > 100) return undefined;
  return store.session(tokenHash(token), new Date(now).toISOString(), new Date(now + SESSION_IDLE_MINUTES * 60_000).toISOString());
}

export function csrfMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
