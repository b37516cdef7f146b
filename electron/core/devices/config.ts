// The `devices` section of kiosk.config.json: scan patterns, which HID devices to open, and the
// keyboard-wedge timings. Every field has a default, so `{ library }` alone stays valid.
import { z } from 'zod';
import { deviceMode } from '#contract/devices';

function validRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

const pattern = (fallback: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .refine(validRegex, { message: 'biểu thức chính quy không hợp lệ; hãy sửa lại theo cú pháp RegExp của JavaScript' })
    .default(fallback);

const usbId = z.number().int().min(0, 'mã USB từ 0 đến 65535 (0x0000–0xFFFF)').max(0xffff, 'mã USB từ 0 đến 65535 (0x0000–0xFFFF)');

export const deviceSelectorSchema = z
  .object({
    vendorId: usbId,
    productId: usbId.optional(),
    usagePage: usbId.optional(),
    mode: deviceMode.optional(),
    name: z.string().min(1).max(100).optional(),
    reportId: z.number().int().min(1).max(255).optional(),
  })
  .strict();

export const wedgeSection = z
  .object({
    enabled: z.boolean().default(true),
    maxInterKeyMs: z.number().int().min(5).max(200).default(50),
    minLength: z.number().int().min(2).max(64).default(4),
    terminators: z
      .array(z.enum(['Enter', 'Tab']))
      .min(1, 'cần ít nhất một phím kết thúc: "Enter" hoặc "Tab"')
      .default(['Enter', 'Tab']),
    prefix: z.string().max(8).default(''),
    suffix: z.string().max(8).default(''),
  })
  .strict();

/** BD + six digits, with the check character of cards issued since issue #16 (ABCDEFGHJKLMNPRSTUVWXYZ). */
export const DEFAULT_CARD_PATTERN = '^(?:BD\\d{6}[A-HJ-NPR-Z]?|NV\\d{4}|KT\\d{4})$';
export const DEFAULT_ITEM_PATTERN = '^TV\\d{6}$';

export const devicesSection = z
  .object({
    patterns: z
      .object({ card: pattern(DEFAULT_CARD_PATTERN), item: pattern(DEFAULT_ITEM_PATTERN) })
      .strict()
      .default({ card: DEFAULT_CARD_PATTERN, item: DEFAULT_ITEM_PATTERN }),
    open: z.union([z.literal('auto'), z.array(deviceSelectorSchema).max(16)]).default('auto'),
    hotplugPollMs: z.number().int().min(100).max(2000).default(500),
    wedge: wedgeSection.default(wedgeSection.parse({})),
  })
  .strict();

export type DevicesConfig = z.output<typeof devicesSection>;
