// Configuration of the residents-first features: spoken guidance (on unless the technician turns it
// off; each resident may silence it with the speaker switch), the idle time after which the kiosk
// forgets one resident's display choices, and the one idle rule of every resident screen.
import { z } from 'zod';

export const audioSection = z
  .object({
    /** Spoken prompts start on for each resident; the speaker switch on screen turns them off for one visit. */
    enabled: z.boolean().default(true),
    volume: z.number().min(0).max(1).default(0.8),
  })
  .strict();

export const residentsSection = z
  .object({
    /** Seconds without a touch or key before language, text size and contrast go back to defaults. */
    idleResetSeconds: z.number().int().min(20).max(3600).default(90),
    /** Seconds without a touch, key or scan before a resident screen returns home and forgets what was typed. */
    screenIdleSeconds: z.number().int().min(30).max(1800).default(120),
    /** The same for a Thư viện số viewer, where a resident reads for minutes without touching (playing media counts as use). */
    readingIdleSeconds: z.number().int().min(60).max(3600).default(600),
    /** The last seconds of either, shown as a countdown with an "I'm still here" button. */
    idleCountdownSeconds: z.number().int().min(5).max(60).default(15),
  })
  .strict();
