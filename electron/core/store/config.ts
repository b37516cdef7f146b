// The `storage` section of kiosk.config.json: when staff home and the self-test start warning that
// the disk is filling up.
import { z } from 'zod';

export const storageSection = z
  .object({
    /** Warn below this many free megabytes; absent: a week of use plus one backup (see lowDiskThreshold). */
    warnBelowMegabytes: z.number().int().min(50).max(1_000_000).optional(),
    /** What a day of use may write (logs, events, session downloads before their wipe, a day's backup growth). */
    dailyUseMegabytes: z.number().int().min(1).max(10_000).default(50),
  })
  .strict();

export type StorageConfig = z.output<typeof storageSection>;
