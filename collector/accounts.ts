// Creating portal accounts (the CLI's `admin create`, the administrator's page): validated input,
// the password hashed with scrypt, a clear sentence for each refusal.
import { z } from 'zod';
import { hashPassword, passwordProblem } from './auth/passwords';
import { ROLES, type Account } from './store/portal-types';
import type { CollectorStore } from './store/types';

export const newAccountInput = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,40}$/, 'tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm, - hoặc _'),
    displayName: z.string().trim().min(2, 'họ tên cần ít nhất 2 ký tự').max(80),
    role: z.enum(ROLES),
    communeCode: z
      .string()
      .regex(/^\d{5}$/, 'mã xã gồm 5 chữ số')
      .nullable()
      .default(null),
    password: z.string(),
  })
  .strict()
  .refine((a) => (a.role === 'commune') === (a.communeCode !== null), 'chỉ vai trò xem số liệu xã có mã xã, và vai trò đó bắt buộc có mã xã');

export async function createAccount(
  store: CollectorStore,
  input: z.input<typeof newAccountInput>,
  now: number,
): Promise<{ ok: true; account: Account } | { ok: false; message: string }> {
  const parsed = newAccountInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: `Tài khoản chưa tạo được: ${parsed.error.issues[0]!.message}.` };
  const problem = passwordProblem(parsed.data.password);
  if (problem) return { ok: false, message: problem };
  if (await store.accountByUsername(parsed.data.username)) return { ok: false, message: `Tên đăng nhập ${parsed.data.username} đã có. Hãy chọn tên khác.` };
  const { password, ...rest } = parsed.data;
  const account = await store.createAccount({ ...rest, passwordHash: await hashPassword(password) }, new Date(now).toISOString());
  return { ok: true, account };
}
