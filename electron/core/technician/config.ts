// The technician's sections of kiosk.config.json: printer, the shell (nightly restart), updates,
// backups and logs. Every key has a default, so `{ library }` alone stays a valid file.
import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:MM, ví dụ "03:30"');

export const printerSection = z
  .object({
    /** Printer name as the operating system shows it; null = the system's default printer. */
    name: z.string().min(1).max(200).nullable().default(null),
    /** Receipt printers print 58 or 80 mm wide; A4 printers use 210. */
    paperWidthMm: z.union([z.literal(58), z.literal(80), z.literal(210)]).default(80),
    enabled: z.boolean().default(true),
  })
  .strict();

export const shellSection = z
  .object({
    /** Restart the kiosk every night at this local time (frees memory on old PCs); null = never. */
    nightlyRestart: clockTime.nullable().default('03:30'),
  })
  .strict();

export const updatesSection = z
  .object({
    /** The provincial update server (electron-updater generic provider); null = updates from USB only. */
    /** Only https: an update over plain http could be swapped on the way (it is signed too, but refused earlier). */
    url: z
      .url({ protocol: /^https$/, error: 'địa chỉ https://… của máy chủ cập nhật (không dùng http://)' })
      .nullable()
      .default(null),
    checkEveryHours: z.number().int().min(1).max(168).default(6),
  })
  .strict();

export const backupSection = z
  .object({
    keep: z.number().int().min(1).max(60).default(7),
  })
  .strict();

export const logSection = z
  .object({
    maxFileKb: z.number().int().min(64).max(20480).default(1024),
    files: z.number().int().min(1).max(20).default(5),
  })
  .strict();
