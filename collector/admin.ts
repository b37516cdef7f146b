// Technician actions at the collector: register a terminal (→ one-time enrolment code), issue a
// new code, revoke. Used by the collector's command line and by tests.
import { z } from 'zod';
import { communeCode } from '#contract/upload';
import { CODE_VALID_DAYS, hashSecret, newEnrolmentCode, newTerminalId, normaliseCode } from './credentials';
import type { CollectorStore, TerminalRow } from './store/types';

export const newTerminalInput = z
  .object({
    communeCode,
    communeName: z.string().trim().min(2).max(120),
    provinceCode: z.string().regex(/^\d{2}$/, 'mã tỉnh gồm 2 chữ số'),
    name: z.string().trim().min(1).max(80),
  })
  .strict();

export async function registerTerminal(
  store: CollectorStore,
  input: z.input<typeof newTerminalInput>,
  now = Date.now(),
): Promise<{ terminal: TerminalRow; code: string; expiresAt: string }> {
  const parsed = newTerminalInput.parse(input);
  const code = newEnrolmentCode();
  const expiresAt = new Date(now + CODE_VALID_DAYS * 86_400_000).toISOString();
  const terminal = await store.addTerminal(parsed, newTerminalId(parsed.communeCode), hashSecret(normaliseCode(code)), expiresAt, new Date(now).toISOString());
  return { terminal, code, expiresAt };
}

export async function reissueCode(store: CollectorStore, terminalId: string, now = Date.now()): Promise<{ code: string; expiresAt: string } | undefined> {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now + CODE_VALID_DAYS * 86_400_000).toISOString();
  if (!(await store.reissueCode(terminalId, hashSecret(normaliseCode(code)), expiresAt))) return undefined;
  // A new enrolment starts a new record: the old PC's reasons (a clone among them) no longer apply.
  await store.clearAttention(terminalId);
  return { code, expiresAt };
}
