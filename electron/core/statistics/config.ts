// The `statistics` section of kiosk.config.json: the commune's resident count and the growth
// targets of the lifelong-learning programme to 2030 (the defaults), plus how often to upload.
import { z } from 'zod';

const growthTarget = z
  .object({ minPct: z.number().min(-100).max(1000), maxPct: z.number().min(-100).max(1000) })
  .strict()
  .refine((t) => t.minPct <= t.maxPct, 'minPct phải nhỏ hơn hoặc bằng maxPct');

export const statisticsSection = z
  .object({
    /** Residents of the commune (for the share of residents using the library); null = unknown. */
    residents: z.number().int().min(1).max(10_000_000).nullable().default(null),
    targets: z
      .object({
        /** Library users, per year (programme: +7–9 %). */
        users: growthTarget.default({ minPct: 7, maxPct: 9 }),
        /** Items served, per year (programme: +10 %). */
        itemsServed: growthTarget.default({ minPct: 10, maxPct: 10 }),
        /** Book rotation, per year (programme: +8 %). */
        rotation: growthTarget.default({ minPct: 8, maxPct: 8 }),
        /** New acquisitions, per year (programme: +8 %). */
        acquisitions: growthTarget.default({ minPct: 8, maxPct: 8 }),
        /** Share of residents using the library (programme: 14–20 %). */
        residentsShare: growthTarget.default({ minPct: 14, maxPct: 20 }),
      })
      .strict()
      .default({
        users: { minPct: 7, maxPct: 9 },
        itemsServed: { minPct: 10, maxPct: 10 },
        rotation: { minPct: 8, maxPct: 8 },
        acquisitions: { minPct: 8, maxPct: 8 },
        residentsShare: { minPct: 14, maxPct: 20 },
      }),
    upload: z
      .object({
        enabled: z.boolean().default(true),
        /** Minutes between uploads when all is well. */
        intervalMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(30),
      })
      .strict()
      .default({ enabled: true, intervalMinutes: 30 }),
  })
  .strict();

export type StatisticsConfig = z.output<typeof statisticsSection>;
