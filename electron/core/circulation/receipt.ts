// Receipts: a pure formatter (also what Electron prints) and the builder that takes the lines from
// the database, so a receipt only ever shows loans and returns that really happened.
import type { Receipt } from '#contract/circulation';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { recordEvent } from '../store/event-types';
import { requirePatron } from '../patrons/records';
import { holdOfItem } from './holds';
import { findItem, openLoanOfItem } from './loans';
import { formatDateTime, formatDay } from '../../../common/calendar';

export interface ReceiptInput {
  libraryName: string;
  kind: 'checkout' | 'return';
  at: number;
  card: string | null;
  /** `reserved`: a returned copy set aside for someone's hold, to hand to staff rather than shelve. */
  lines: { item: string; title: string; dueDate: string | null; reserved?: boolean }[];
}

/** BD000123 → BD****23: enough for the resident to recognise, nothing for a finder of the slip. */
export function maskCard(card: string): string {
  if (card.length <= 4) return card;
  return `${card.slice(0, 2)}${'*'.repeat(card.length - 4)}${card.slice(-2)}`;
}

function shortTitle(title: string, max = 48): string {
  return title.length <= max ? title : `${title.slice(0, max - 1)}…`;
}

/** Plain text, 40-odd columns wide for receipt printers; also what the on-screen QR code holds. */
export function formatReceipt(input: ReceiptInput): string {
  const when = formatDateTime(input.at);
  const lines = [input.libraryName, input.kind === 'checkout' ? 'PHIẾU MƯỢN SÁCH' : 'PHIẾU TRẢ SÁCH', `Thời gian: ${when}`];
  if (input.card) lines.push(`Thẻ: ${maskCard(input.card)}`);
  lines.push('');
  input.lines.forEach((line, index) => {
    lines.push(`${index + 1}. ${shortTitle(line.title)}`);
    lines.push(line.dueDate ? `   Mã ${line.item} - hạn trả ${formatDay(line.dueDate)}` : `   Mã ${line.item} - đã trả`);
    if (line.reserved) lines.push('   Có người đặt: đưa cho cán bộ, đừng để lên giá');
  });
  lines.push(
    '',
    `Tổng cộng: ${input.lines.length} cuốn`,
    input.kind === 'checkout' ? 'Xin vui lòng trả sách đúng hạn. Cảm ơn bạn!' : 'Cảm ơn bạn đã trả sách!',
  );
  return lines.join('\n');
}

/** Prints receipt text silently (Electron); a null name is the system's default printer. Resolves false when it could not. */
export type ReceiptPrinter = (text: string, options: { printerName: string | null; paperWidthMm: number }) => Promise<boolean>;

const printers = new WeakMap<KioskContext, ReceiptPrinter>();

/** Called by the Electron shell; browser mode and the CLI have no printer and show receipts on screen. */
export function provideReceiptPrinter(ctx: KioskContext, printer: ReceiptPrinter): void {
  printers.set(ctx, printer);
}

/**
 * Prints receipt text on this kiosk's printer, when it has one and printing is on; resolves whether
 * it printed. Also used by a room kiosk for the receipt its hub put together (core/room/).
 */
export async function printReceipt(ctx: KioskContext, text: string): Promise<boolean> {
  const printer = printers.get(ctx);
  const settings = ctx.config.printer;
  if (!printer || !settings.enabled) return false;
  let printed = false;
  try {
    printed = await printer(text, { printerName: settings.name, paperWidthMm: settings.paperWidthMm });
  } catch (error) {
    ctx.log.log('warn', 'receipt.print_failed', { error: (error as Error)?.message ?? String(error) });
  }
  if (printed) ctx.db.transaction(() => recordEvent(ctx.db, ctx.clock, 'print.pages', { pages: 1, service: 'circulation' }))();
  else ctx.log.log('warn', 'receipt.not_printed', { printer: settings.name ?? '(mặc định)' });
  return printed;
}

export async function buildReceipt(
  ctx: KioskContext,
  request: { kind: 'checkout' | 'return'; card?: string | undefined; items: string[]; print: boolean },
): Promise<Receipt> {
  const patron = request.card ? requirePatron(ctx, request.card) : undefined;
  const lines: Receipt['lines'] = [];
  for (const barcode of new Set(request.items)) {
    const item = findItem(ctx.db, barcode);
    if (!item) continue;
    if (request.kind === 'checkout') {
      const loan = openLoanOfItem(ctx.db, item.id);
      if (!loan || !patron || loan.patronId !== patron.id) continue;
      lines.push({ item: item.barcode, title: item.title, dueDate: loan.dueDate, reserved: false });
    } else {
      // A returned item has no open loan; one still on loan was not returned and is left off.
      if (openLoanOfItem(ctx.db, item.id)) continue;
      lines.push({ item: item.barcode, title: item.title, dueDate: null, reserved: holdOfItem(ctx.db, item.id) !== undefined });
    }
  }
  if (lines.length === 0) {
    throw new KioskError('not_found', 'Không có sách nào để in phiếu. Hãy quét sách để mượn hoặc trả trước.', { reason: 'receipt_empty' });
  }
  const at = ctx.clock.now();
  const card = patron ? maskCard(patron.cardNumber) : null;
  const text = formatReceipt({ libraryName: ctx.config.library.name, kind: request.kind, at, card: patron?.cardNumber ?? null, lines });
  const printed = request.print ? await printReceipt(ctx, text) : false;
  return { libraryName: ctx.config.library.name, kind: request.kind, at: new Date(at).toISOString(), card, lines, text, printed };
}
