// Configuration of the residents-first features: audio guidance (off unless the technician turns
// it on) and the idle time after which the kiosk forgets one resident's display choices.
import { z } from 'zod';

export const audioSection = z
  .object({
    enabled: z.boolean().default(false),
    volume: z.number().min(0).max(1).default(0.8),
  })
  .strict();

export const residentsSection = z
  .object({
    /** Seconds without a touch or key before language, text size and contrast go back to defaults. */
    idleResetSeconds: z.number().int().min(20).max(3600).default(90),
  })
  .strict();
