// The one place that decides which methods a kiosk in 'misconfigured' mode still answers: only
// what the out-of-service screen and a technician need to diagnose it. Every service method is
// refused centrally by the registry, so no feature has to remember to check.
import type { KioskMode } from '../context';
import { KioskError } from '../errors';

const ALLOWED_WHEN_MISCONFIGURED = new Set([
  'system.ping',
  'system.info',
  'system.selfTest',
  'staff.signIn',
  'staff.signOut',
  'staff.whoami',
  'technician.identity',
  'technician.backups',
  'technician.removableMedia',
  'technician.exportBackup',
  'technician.exportDiagnostics',
]);

export function isAllowedInMode(mode: KioskMode, method: string): boolean {
  return mode !== 'misconfigured' || ALLOWED_WHEN_MISCONFIGURED.has(method);
}

export function serviceRefusal(mode: KioskMode, method: string): KioskError | undefined {
  if (isAllowedInMode(mode, method)) return undefined;
  return new KioskError('unavailable', 'Kiosk đang tạm ngừng phục vụ vì tệp cấu hình không hợp lệ. Hãy báo kỹ thuật viên sửa tệp cấu hình (kiểm tra bằng lệnh kiosk config validate).', {
    reason: 'kiosk_misconfigured',
  });
}
