// Updates never interrupt someone using the kiosk; the misconfigured guard refuses services centrally.
import { describe, expect, it } from 'vitest';
import { canApplyUpdateNow, type UpdateState } from '../../../electron/core/updates/policy';
import { isAllowedInMode, serviceRefusal } from '../../../electron/core/technician/service-guard';

const idle: UpdateState = { activeInternetSessions: 0, someoneSignedIn: false, idleForMs: 60 * 60_000, libraryOpen: false, updateDownloaded: true };

describe('canApplyUpdateNow', () => {
  it('installs only when downloaded, nobody is using the kiosk and it has been idle', () => {
    expect(canApplyUpdateNow(idle).ok).toBe(true);
    expect(canApplyUpdateNow({ ...idle, updateDownloaded: false }).ok).toBe(false);
    expect(canApplyUpdateNow({ ...idle, activeInternetSessions: 1 })).toEqual({ ok: false, reason: expect.stringContaining('1 phiên Internet') });
    expect(canApplyUpdateNow({ ...idle, someoneSignedIn: true }).ok).toBe(false);
    expect(canApplyUpdateNow({ ...idle, idleForMs: 60_000 }).ok).toBe(false);
  });
  it('waits longer while the library is open', () => {
    expect(canApplyUpdateNow({ ...idle, libraryOpen: true, idleForMs: 15 * 60_000 }).ok).toBe(false);
    expect(canApplyUpdateNow({ ...idle, libraryOpen: true, idleForMs: 31 * 60_000 }).ok).toBe(true);
  });
});

describe('service guard', () => {
  it('lets a misconfigured kiosk answer only diagnosis methods', () => {
    expect(isAllowedInMode('misconfigured', 'system.info')).toBe(true);
    expect(isAllowedInMode('misconfigured', 'technician.exportDiagnostics')).toBe(true);
    expect(isAllowedInMode('misconfigured', 'circulation.checkout')).toBe(false);
    expect(isAllowedInMode('configured', 'circulation.checkout')).toBe(true);
    expect(serviceRefusal('misconfigured', 'technician.staffOverview')?.toApiError()).toMatchObject({ code: 'unavailable', reason: 'kiosk_misconfigured' });
  });
});
