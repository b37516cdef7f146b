// Internet sign-in with the QR code of a CCCD: the resident is found by the kiosk's keyed hash of
// the ID number (patrons/cccd.ts). Registration belongs to Mượn / trả sách, so an unknown CCCD is
// sent there. Neither the QR text nor the number is kept, logged or put into an error.
import { z } from 'zod';
import type { KioskContext } from '../context';
import { notFound, refused } from '../errors';
import { cccdHash, cccdParserOf } from '../patrons/cccd';
import { findPatronByCccdHash, type Patron } from '../patrons/lookup';

/** Said for a CCCD no library card is registered with (also the service's own fallback). */
export const CCCD_UNKNOWN =
  'Căn cước công dân này chưa được đăng ký ở thư viện. Hãy đăng ký trước ở mục Mượn / trả sách (quét CCCD ở đó), rồi quay lại Truy cập Internet.';

const idNumber = z.string().regex(/^\d{12}$/);

/** The resolver the session service uses, or undefined when this kiosk cannot read CCCD QR codes. */
export function cccdResolver(ctx: KioskContext): ((qrText: string) => Patron) | undefined {
  const parser = cccdParserOf(ctx);
  if (!parser) return undefined;
  return (qrText) => {
    const parsed = parser(qrText);
    const number = parsed.ok ? idNumber.safeParse(parsed.value.idNumber) : undefined;
    if (!number?.success) {
      throw refused(
        'cccd_unreadable',
        'Không đọc được mã QR trên căn cước công dân. Hãy quét lại mã QR ở mặt trước thẻ, giữ thẻ thẳng và đủ sáng; hoặc dùng thẻ thư viện.',
      );
    }
    const patron = findPatronByCccdHash(ctx.db, cccdHash(ctx, number.data));
    if (!patron) {
      throw notFound('cccd_unknown', CCCD_UNKNOWN);
    }
    return patron;
  };
}
