// Card holders protected against typed numbers (issue #16): check characters on new cards, the
// per-kiosk rate limit on typed numbers (atomic under parallel tries), the kiosk's switch, and the
// resident's own PIN (scrypt, locked after wrong tries counted atomically).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPatronByCard } from '../../electron/core/patrons/lookup';
import { setResidentPin } from '../../electron/core/patrons/resident-pin';
import { hashPin } from '../../electron/core/staff/pin';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';

type Failure = { apiError: { reason?: string } };
const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: Failure) => e.apiError.reason,
  );

/** A configured kiosk (no demo data) with one staff account and one resident's card. */
async function configured(circulation: Record<string, unknown>): Promise<TestKiosk & { card: string }> {
  const t = await openTestKiosk({
    configure: (dir) =>
      writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify({ library: { name: 'Thư viện xã Thử', communeCode: '12345' }, circulation })),
  });
  t.kiosk.db
    .prepare("INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES ('NV0001', 'Cán bộ', 'staff', ?, '2026-01-01')")
    .run(await hashPin('147258'));
  return { ...t, card: await issueCard(t, 'Vàng Thị Dợ') };
}

async function issueCard(t: TestKiosk, fullName: string): Promise<string> {
  const { token } = await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' });
  return (await t.call<{ cardNumber: string }>('patrons.add', { staffToken: token, fullName, category: 'adult' })).cardNumber;
}

describe('typed card numbers', () => {
  it('gives new cards a check character, so the next number or a typo names nobody; old cards still work', async () => {
    const t = await openTestKiosk();
    const card = await issueCard(t, 'Lò Văn Páo');
    expect(card).toMatch(/^BD000007[A-HJ-NPR-Z]$/);
    expect(await reasonOf(t.call('circulation.signIn', { method: 'card', card }))).toBe('ok');
    const base = card.slice(0, -1);
    const neighbour = `BD000008${card.slice(-1)}`;
    for (const guess of [base, neighbour, `${base}${card.endsWith('A') ? 'B' : 'A'}`]) {
      expect(await reasonOf(t.call('circulation.signIn', { method: 'manual', card: guess }))).toBe('unknown_card');
    }
    expect(await reasonOf(t.call('circulation.signIn', { method: 'manual', card: 'BD000001' }))).toBe('ok');
  });

  it('limits typed numbers per kiosk, counting parallel tries atomically', async () => {
    const t = await configured({ typedCardLimit: { max: 5, minutes: 10 } });
    const tries = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        reasonOf(
          t.kiosk.registry
            .dispatch('circulation.signIn', { method: 'manual', card: `BD${String(100 + i).padStart(6, '0')}` })
            .then((r) => (r.ok ? r.value : Promise.reject({ apiError: r.error }))),
        ),
      ),
    );
    expect(tries.filter((r) => r === 'unknown_card')).toHaveLength(5);
    expect(tries.filter((r) => r === 'typed_cards_busy')).toHaveLength(25);
    // A scanned card is not typed: it is never slowed down.
    expect(await reasonOf(t.call('circulation.signIn', { method: 'card', card: t.card }))).toBe('ok');
    t.clock.advance(10 * 60_000 + 1000);
    expect(await reasonOf(t.call('circulation.signIn', { method: 'manual', card: t.card }))).toBe('ok');
  });

  it('follows the kiosk switch: refused (scan only) and accepted only with the resident PIN', async () => {
    const scanOnly = await configured({ typedCards: 'refused' });
    expect(await reasonOf(scanOnly.call('circulation.signIn', { method: 'manual', card: scanOnly.card }))).toBe('typed_cards_refused');
    expect(await reasonOf(scanOnly.call('circulation.signIn', { method: 'card', card: scanOnly.card }))).toBe('ok');

    const withPin = await configured({ typedCards: 'withPin' });
    const card = withPin.card;
    expect(await reasonOf(withPin.call('circulation.signIn', { method: 'manual', card }))).toBe('resident_pin_needed');
    await setResidentPin(withPin.kiosk.ctx, findPatronByCard(withPin.kiosk.db, card)!, '2580', 'resident', null);
    expect(await reasonOf(withPin.call('circulation.signIn', { method: 'manual', card }))).toBe('resident_pin_required');
    expect(await reasonOf(withPin.call('circulation.signIn', { method: 'manual', card, pin: '2580' }))).toBe('ok');
  });

  it("asks a resident's own PIN for their typed number, and locks it after wrong tries sent at once", async () => {
    const t = await openTestKiosk();
    const patron = findPatronByCard(t.kiosk.db, 'BD000002')!;
    await expect(setResidentPin(t.kiosk.ctx, patron, '1234', 'resident', null)).rejects.toMatchObject({ reason: 'resident_pin_weak' });
    await setResidentPin(t.kiosk.ctx, patron, '2580', 'resident', null);
    const stored = t.kiosk.db.prepare('SELECT pin_hash FROM patron_pins WHERE patron_id = ?').get(patron.id) as { pin_hash: string };
    expect(stored.pin_hash).toMatch(/^scrypt\$/);
    expect(await reasonOf(t.call('circulation.signIn', { method: 'manual', card: 'BD000002' }))).toBe('resident_pin_required');
    const wrong = await Promise.all(
      Array.from({ length: 8 }, (_, i) => reasonOf(t.call('circulation.signIn', { method: 'manual', card: 'BD000002', pin: String(9100 + i) }))),
    );
    expect(wrong.filter((r) => r === 'resident_pin_wrong')).toHaveLength(4);
    expect(wrong.filter((r) => r === 'resident_pin_locked')).toHaveLength(4);
    expect(await reasonOf(t.call('circulation.signIn', { method: 'manual', card: 'BD000002', pin: '2580' }))).toBe('resident_pin_locked');
    // Scanning the card in hand still works.
    expect(await reasonOf(t.call('circulation.signIn', { method: 'card', card: 'BD000002' }))).toBe('ok');
  });
});
