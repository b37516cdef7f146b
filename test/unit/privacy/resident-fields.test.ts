// Every method a resident screen can call (access `anyone` or `resident`), with the patron fields
// its response can carry. Phone, birth year, gender, village and the full name are staff-only: a
// resident screen greets with a display name ("Lan N.") and shows the card, loans and holds.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { methods, type MethodName } from '#contract';
import { displayNameOf } from '../../../electron/core/patrons/records';
import { openTestKiosk } from '../../support/kiosk';
import type { SignedInPatron } from '#contract/circulation';

/** Field names that say something about a person. */
const PATRON_FIELDS = ['fullName', 'displayName', 'phone', 'birthYear', 'gender', 'village', 'cardNumber', 'card'];
const STAFF_ONLY = ['fullName', 'phone', 'birthYear', 'gender', 'village'];

/** The reviewed list: resident-reachable methods whose response names a patron at all. */
const RESIDENT_METHODS_WITH_PATRON_FIELDS: Record<string, string[]> = {
  // The signed-in resident's card and display name — or, for an unknown CCCD, the registration
  // offer: the name, birth year and gender read from the CCCD in the resident's hand, shown so they
  // can consent to what will be kept (nothing is read from the store).
  'circulation.signIn': ['birthYear', 'cardNumber', 'displayName', 'fullName', 'gender'],
  'circulation.register': ['cardNumber', 'displayName'],
  'circulation.loans': ['cardNumber', 'displayName'],
  // The card number on a receipt, masked in the middle (receipt.ts maskCard).
  'circulation.receipt': ['card'],
  'circulation.returnReceipt': ['card'],
  // The resident's own record ("Thông tin của tôi", Decree 13/2023 right of access): complete only
  // after a CCCD or PIN sign-in; with the card alone the staff-only fields are null (record.ts).
  'rights.myRecord': ['birthYear', 'cardNumber', 'displayName', 'fullName', 'gender', 'phone', 'village'],
  // The staff member's own name after their sign-in, not a resident's.
  'staff.signIn': ['displayName'],
};
/** Staff-only fields a resident-reachable method may carry, and why (see the table above). */
const FROM_THE_CARD_IN_HAND: Record<string, string[]> = {
  'circulation.signIn': ['fullName', 'birthYear', 'gender'],
  // Their own record, shown to them after a CCCD or PIN sign-in only (test below).
  'rights.myRecord': ['fullName', 'birthYear', 'gender', 'phone', 'village'],
};

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
};

function fieldsOf(schema: z.ZodType, seen = new Set<z.ZodType>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const visit = (child: z.ZodType | undefined) => child && fieldsOf(child, seen).forEach((f) => found.add(f));
  if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape ?? {})) {
      if (PATRON_FIELDS.includes(key)) found.add(key);
      visit(child);
    }
  }
  for (const child of [def.element, def.innerType, def.in, def.out, def.left, def.right, def.valueType, def.getter?.()]) visit(child);
  for (const option of def.options ?? []) visit(option);
  return found;
}

describe('resident-facing methods return only what a resident screen shows', () => {
  const residentMethods = (Object.keys(methods) as MethodName[]).filter((name) => ['anyone', 'resident'].includes(methods[name].access));

  it('lists every resident-reachable method with the patron fields it can return', () => {
    const actual = Object.fromEntries(
      residentMethods.map((name) => [name, [...fieldsOf(methods[name].response)].sort()] as const).filter(([, fields]) => fields.length > 0),
    );
    expect(actual).toEqual(RESIDENT_METHODS_WITH_PATRON_FIELDS);
    for (const [name, fields] of Object.entries(actual))
      for (const field of STAFF_ONLY) if (!FROM_THE_CARD_IN_HAND[name]?.includes(field)) expect(fields, name).not.toContain(field);
  });

  it('greets a signed-in resident by given name and initial, and sends nothing staff-only', async () => {
    const t = await openTestKiosk();
    const shown = t.kiosk.db.prepare("SELECT full_name AS name, phone FROM patrons WHERE card_number = 'BD000002'").get() as {
      name: string;
      phone: string | null;
    };
    const signedIn = await t.call<SignedInPatron>('circulation.signIn', { method: 'manual', card: 'BD000002' });
    expect(signedIn.patron.displayName).toBe(displayNameOf(shown.name));
    const text = JSON.stringify(signedIn);
    expect(text).not.toContain(shown.name);
    if (shown.phone) expect(text).not.toContain(shown.phone);
    for (const field of STAFF_ONLY) expect(Object.keys(signedIn.patron)).not.toContain(field);
  });

  it('shows a resident their own full record only after a CCCD or PIN sign-in, never to the card alone', async () => {
    const t = await openTestKiosk();
    const shown = t.kiosk.db.prepare("SELECT full_name AS name FROM patrons WHERE card_number = 'BD000002'").get() as { name: string };
    const cardOnly = await t.call<Record<string, unknown>>('rights.myRecord', { residentToken: await t.residentToken('BD000002', 'card') });
    expect(cardOnly).toMatchObject({ complete: false, fullName: null, phone: null, birthYear: null, gender: null, village: null });
    expect(JSON.stringify(cardOnly)).not.toContain(shown.name);
    const withPin = await t.call<Record<string, unknown>>('rights.myRecord', { residentToken: await t.residentToken('BD000002', 'pin') });
    expect(withPin).toMatchObject({ complete: true, fullName: shown.name });
  });

  it('makes a display name of the given name and the family initial', () => {
    expect(displayNameOf('Nguyễn Thị Lan')).toBe('Lan N.');
    expect(displayNameOf('  Đỗ   Văn  Hùng ')).toBe('Hùng Đ.');
    expect(displayNameOf('Páo')).toBe('Páo');
  });
});
