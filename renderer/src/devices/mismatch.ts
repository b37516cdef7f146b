// What a screen says when it got a different kind of scan than it asked for:
// "Đây là mã sách, vui lòng quét thẻ thư viện." (texts in the devices namespace).
import type { TFunction } from 'i18next';
import type { ScanKind } from '../../../electron/contract/devices';

export function scanMismatchMessage(t: TFunction, expected: ScanKind, got: ScanKind): string {
  return t('devices:mismatch', { got: t(`devices:kinds.${got}`), expected: t(`devices:kinds.${expected}`) });
}
