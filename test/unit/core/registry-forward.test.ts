// Forwarding at the API boundary (a room kiosk's methods answered by its hub, electron/core/room/):
// the request is validated here first, staff are resolved here from their token, residents are not
// (their token is the hub's), and what comes back is checked against the contract like a local answer.
import { describe, expect, it, vi } from 'vitest';
import { createRegistry, type Remote } from '../../../electron/core/api/registry';
import { KioskError } from '../../../electron/core/errors';

const STAFF = { id: 7, displayName: 'Cán bộ', role: 'staff' as const };
const TOKEN = 't'.repeat(20);

function forwardingRegistry(
  remote: Remote,
  authorize = vi.fn((access: string) => (access === 'staff' ? { access: 'staff' as const, staff: STAFF } : { access: 'anyone' as const })),
) {
  const local = vi.fn();
  const registry = createRegistry({ authorize: authorize as never });
  registry.register('circulation.checkin', local);
  registry.register('circulation.overdue', local);
  registry.register('circulation.loans', local);
  registry.forward(['circulation.checkin', 'circulation.overdue', 'circulation.loans'], remote);
  return { registry, local, authorize };
}

describe('forwarded methods', () => {
  it('a request that breaks its schema never leaves this core', async () => {
    const remote = vi.fn<Remote>();
    const { registry } = forwardingRegistry(remote);
    expect(await registry.dispatch('circulation.checkin', { item: 'bad barcode!' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(remote).not.toHaveBeenCalled();
  });

  it('staff are resolved here and passed on; residents are not resolved here; the local handler never runs', async () => {
    const remote = vi.fn<Remote>(async (name) => ({ ok: true, value: name === 'circulation.overdue' ? [] : { returned: false } }));
    const { registry, local, authorize } = forwardingRegistry(remote);
    expect(await registry.dispatch('circulation.overdue', { staffToken: TOKEN })).toEqual({ ok: true, value: [] });
    expect(remote).toHaveBeenLastCalledWith('circulation.overdue', { staffToken: TOKEN }, STAFF);
    await registry.dispatch('circulation.loans', { residentToken: TOKEN });
    expect(authorize).toHaveBeenCalledTimes(1);
    expect(remote).toHaveBeenLastCalledWith('circulation.loans', { residentToken: TOKEN }, undefined);
    expect(local).not.toHaveBeenCalled();
  });

  it("an answer that breaks the contract is an internal error; the other end's refusal comes through, masked", async () => {
    const { registry } = forwardingRegistry(async () => ({ ok: true, value: { surprise: 1 } }));
    expect(await registry.dispatch('circulation.checkin', { item: 'TV000001' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    const refusing = forwardingRegistry(async () => ({ ok: false, error: { code: 'refused', reason: 'x', message: 'CCCD 001099012345 không đọc được.' } }));
    const reply = await refusing.registry.dispatch('circulation.checkin', { item: 'TV000001' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused', reason: 'x' } });
    expect(JSON.stringify(reply)).not.toContain('001099012345');
  });

  it('a staff token this core does not know is refused before anything is sent', async () => {
    const remote = vi.fn<Remote>();
    const { registry } = forwardingRegistry(
      remote,
      vi.fn(() => {
        throw new KioskError('unauthorized', 'Phiên làm việc của cán bộ đã hết.', { reason: 'staff_signed_out' });
      }),
    );
    expect(await registry.dispatch('circulation.overdue', { staffToken: TOKEN })).toMatchObject({ ok: false, error: { reason: 'staff_signed_out' } });
    expect(remote).not.toHaveBeenCalled();
  });

  it('refuses to forward a method it has no handler for', () => {
    expect(() => createRegistry().forward(['circulation.checkin'], vi.fn())).toThrow(/no handler/);
  });
});
