// Scan events: what every device source (HID POS, raw keyboard, wedge, simulator) turns into.
import { z } from 'zod';

export const scanSource = z.enum(['hid-pos', 'hid-keyboard', 'magstripe', 'wedge', 'simulator']);
export const scanKind = z.enum(['card', 'item', 'isbn', 'cccd', 'guest', 'unknown']);

export const scanEvent = z.object({
  source: scanSource,
  kind: scanKind,
  text: z.string().max(4096),
  symbology: z.string().optional(),
  at: z.string(),
});
export type ScanEvent = z.infer<typeof scanEvent>;

export const deviceEvents = {
  'scan.received': scanEvent,
};
