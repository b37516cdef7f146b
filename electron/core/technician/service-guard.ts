// The one place that decides which methods a kiosk in 'misconfigured' mode still answers: those
// the contract marks `whenMisconfigured` (what the out-of-service screen and a technician need to
// diagnose it). Every other method is refused centrally by the registry, so no feature has to
// remember to check.
import { methods, type MethodName } from '#contract';
import type { KioskMode } from '../context';
import { KioskError } from '../errors';

export const ALLOWED_WHEN_MISCONFIGURED: ReadonlySet<MethodName> = new Set(
  (Object.keys(methods) as MethodName[]).filter((name) => methods[name].whenMisconfigured),
);

export function isAllowedInMode(mode: KioskMode, method: MethodName): boolean {
  return mode !== 'misconfigured' || ALLOWED_WHEN_MISCONFIGURED.has(method);
}

export function serviceRefusal(mode: KioskMode, method: MethodName): KioskError | undefined {
  if (isAllowedInMode(mode, method)) return undefined;
  return new KioskError(
    'unavailable',
    'Kiosk đang tạm ngừng phục vụ vì tệp cấu hình không hợp lệ. Hãy báo kỹ thuật viên sửa tệp cấu hình (kiểm tra bằng lệnh kiosk config validate).',
    {
      reason: 'kiosk_misconfigured',
    },
  );
}
