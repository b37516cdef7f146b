// Internet sign-in with the QR code of a CCCD (parsed by the real device-layer parser): a resident
// registered at Mượn / trả sách starts a session; an unknown CCCD is sent there to register; the
// same card refusals apply; neither the QR text nor the ID number is stored or logged.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../electron/core/clock';
import { createKiosk } from '../../../electron/core/kiosk';
import type { Logger } from '../../../electron/core/log';
import type { InternetState } from '#contract/internet';
import { createNativeDevices } from '../../../native';
import { openTestKiosk, testKioskOf, type TestKiosk, events } from '../../support/kiosk';
import { tempDir } from '../../support/temp-dir';

const ID_NUMBER = '001189012345';
/** A standard CCCD QR: number|old ID|name|birth ddmmyyyy|gender|address|issue ddmmyyyy. */
const qrFor = (idNumber: string) => `${idNumber}|123456789|Nguyễn Thị Lan|12041989|Nữ|Thôn Đông, xã Minh Hòa|01012021`;
const QR = qrFor(ID_NUMBER);

const clock = () => new FakeClock('2026-12-01T08:00:00+07:00');
const signIn = (t: TestKiosk, text: string) => t.call<{ allowanceMinutes: number; state: InternetState }>('internet.signIn', { kind: 'cccd', text });

/** Registers the resident the way the circulation screen does: scan, consent, card created. */
async function register(t: TestKiosk, qr = QR): Promise<string> {
  const offer = await t.call<{ registrationToken: string }>('circulation.signIn', { method: 'cccd', qr });
  const view = await t.call<{ patron: { cardNumber: string } }>('circulation.register', {
    registrationToken: offer.registrationToken,
    consent: true,
    village: null,
  });
  return view.patron.cardNumber;
}

/** Every value of every table, as text. */
function everythingStored(t: TestKiosk): string {
  const tables = t.kiosk.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return tables.map(({ name }) => JSON.stringify(t.kiosk.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

async function refusal(promise: Promise<unknown>): Promise<{ reason?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return (error as { apiError: { reason?: string; message: string } }).apiError;
  }
  throw new Error('expected a refusal');
}

describe('internet sign-in with a CCCD', () => {
  it('starts a session for a resident registered with that CCCD, recorded as a CCCD sign-in', async () => {
    const t = await openTestKiosk({ clock: clock() });
    const card = await register(t);
    const patronId = (t.kiosk.db.prepare('SELECT id FROM patrons WHERE card_number = ?').get(card) as { id: number }).id;

    const result = await signIn(t, QR);
    expect(result.allowanceMinutes).toBeGreaterThan(0);
    expect(result.state.phase).toBe('active');
    expect(events(t, 'internet.session_started')).toEqual([expect.objectContaining({ patronId, guest: false })]);
    expect(events(t, 'patron.signed_in').at(-1)).toMatchObject({ patronId, service: 'internet', method: 'cccd' });

    // Scanning the same CCCD again is the same resident, not a busy PC.
    await expect(signIn(t, QR)).resolves.toMatchObject({ state: { phase: 'active' } });
  });

  it('sends an unknown CCCD to Mượn / trả sách to register first, and starts nothing', async () => {
    const t = await openTestKiosk({ clock: clock() });
    const patronsBefore = t.kiosk.db.prepare('SELECT count(*) AS n FROM patrons').get();
    const error = await refusal(signIn(t, QR));
    expect(error.reason).toBe('cccd_unknown');
    expect(error.message).toMatch(/đăng ký trước ở mục Mượn \/ trả sách/);
    expect((await t.call<InternetState>('internet.status')).phase).toBe('free');
    expect(t.kiosk.db.prepare('SELECT count(*) AS n FROM patrons').get()).toEqual(patronsBefore);
    expect(events(t, 'internet.session_started')).toEqual([]);
  });

  it('asks for another scan when the QR is not a readable CCCD', async () => {
    const t = await openTestKiosk({ clock: clock() });
    for (const text of ['not a cccd', '001099012345||A|31021999|Nam|X|15062021']) {
      const error = await refusal(signIn(t, text));
      expect(error.reason).toBe('cccd_unreadable');
      expect(error.message).toMatch(/quét lại mã QR/);
    }
  });

  it('refuses a blocked, pending or expired card found by CCCD, the same as a scanned card', async () => {
    const t = await openTestKiosk({ clock: clock() });
    const card = await register(t);
    const set = (sql: string) => t.kiosk.db.prepare(`UPDATE patrons SET ${sql} WHERE card_number = ?`).run(card);
    set("status = 'blocked'");
    expect((await refusal(signIn(t, QR))).reason).toBe('card_blocked');
    set("status = 'pending'");
    expect((await refusal(signIn(t, QR))).reason).toBe('card_pending');
    set("status = 'active', card_expiry = '2026-01-01'");
    expect((await refusal(signIn(t, QR))).reason).toBe('card_expired');
    expect(events(t, 'internet.session_started')).toEqual([]);
  });

  it('keeps neither the QR text nor the ID number in the database or the log', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const log: Logger = { log: (level, event, fields) => lines.push(JSON.stringify({ level, event, ...fields })) };
    const kiosk = await createKiosk({ dataDir: dir.path, clock: clock(), log, devices: createNativeDevices() });
    try {
      const t = testKioskOf(kiosk, clock(), dir.path);
      const unknown = qrFor('001189054321');
      await refusal(signIn(t, unknown));
      await register(t);
      await signIn(t, QR);
      await t.call('internet.end');
      const stored = everythingStored(t);
      for (const secret of [ID_NUMBER, '001189054321', 'Thôn Đông', '123456789']) {
        expect(stored).not.toContain(secret);
        expect(lines.join('\n')).not.toContain(secret);
      }
    } finally {
      await kiosk.close();
      dir.remove();
    }
  });
});
