// Staff sign-in: own card + PIN. Staff-only methods of every feature take the returned token.
import { z } from 'zod';
import { method, staffToken } from './define';

export const staffRole = z.enum(['staff', 'technician']);
export { staffToken };

export const staffMember = z.object({ id: z.number().int(), displayName: z.string(), role: staffRole });
export type StaffMember = z.infer<typeof staffMember>;

export const staffMethods = {
  'staff.signIn': method(
    z.object({ card: z.string().trim().min(1).max(64), pin: z.string().regex(/^\d{4,12}$/, 'mã PIN gồm 4–12 chữ số') }).strict(),
    z.object({ token: staffToken, staff: staffMember, expiresInSeconds: z.number().int() }),
    { access: 'anyone', whenMisconfigured: true },
  ),
  'staff.signOut': method(z.object({ staffToken }).strict(), z.object({ ok: z.literal(true) }), { access: 'staff', whenMisconfigured: true }),
  'staff.whoami': method(z.object({ staffToken }).strict(), staffMember, { access: 'staff', whenMisconfigured: true }),
};
