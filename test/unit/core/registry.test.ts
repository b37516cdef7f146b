import { describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../../../electron/core/api/registry';
import { KioskError } from '../../../electron/core/errors';

describe('the API boundary', () => {
  it('refuses to register the same method twice', () => {
    const registry = createRegistry();
    registry.register('system.ping', () => ({ pong: true, now: 'x' }));
    expect(() => registry.register('system.ping', () => ({ pong: true, now: 'y' }))).toThrow(/twice/);
  });

  it('answers an unknown method with a typed error instead of throwing', async () => {
    const reply = await createRegistry().dispatch('books.steal', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('rejects a request that breaks its schema without running the handler', async () => {
    const registry = createRegistry();
    const handler = vi.fn(() => ({ pong: true as const, now: 'x' }));
    registry.register('system.ping', handler);
    const reply = await registry.dispatch('system.ping', { extra: 'field' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid_request');
      expect(reply.error.issues?.[0]?.message).toBeTruthy();
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a domain refusal into its typed error, with the Vietnamese message', async () => {
    const registry = createRegistry();
    registry.register('system.ping', () => {
      throw new KioskError('refused', 'Thẻ đã hết hạn. Vui lòng gặp cán bộ thư viện để gia hạn.', { reason: 'card_expired' });
    });
    expect(await registry.dispatch('system.ping', {})).toEqual({
      ok: false,
      error: { code: 'refused', reason: 'card_expired', message: 'Thẻ đã hết hạn. Vui lòng gặp cán bộ thư viện để gia hạn.' },
    });
  });

  it('hides unexpected exceptions behind an internal error and reports them', async () => {
    const onInternalError = vi.fn();
    const registry = createRegistry({ onInternalError });
    registry.register('system.ping', () => {
      throw new TypeError('boom');
    });
    const reply = await registry.dispatch('system.ping', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('never lets a response that breaks the contract reach the caller', async () => {
    const registry = createRegistry({ onInternalError: () => undefined });
    registry.register('system.ping', () => ({ pong: false }) as never);
    expect(await registry.dispatch('system.ping', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
