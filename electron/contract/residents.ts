// Residents-first settings the screens need: audio guidance (on by configuration, prompts a
// technician may replace) and how long an idle kiosk waits before forgetting a resident's choices.
import { z } from 'zod';
import { anyone, method, noParams } from './define';
import { languageCode } from './i18n';

/** The short spoken prompts; each is resources/audio/<id>.wav, replaceable by <dataDir>/audio/<id>.(wav|ogg|mp3). */
export const audioPromptId = z.enum([
  'welcome',
  'scanCard',
  'scanBook',
  'checkoutDone',
  'returnDone',
  'fiveMinutesLeft',
  'oneMinuteLeft',
  'sessionEnded',
  'askStaff',
  'reservedReturn',
  'goodbye',
  'stillHere',
]);
export type AudioPromptId = z.infer<typeof audioPromptId>;

export const audioFile = z.object({ mime: z.enum(['audio/wav', 'audio/ogg', 'audio/mpeg']), base64: z.string().max(2_000_000) });

export const residentSettings = z.object({
  defaultLanguage: languageCode,
  idleResetSeconds: z.number().int().positive(),
  /** The one idle rule of resident screens (session/ResidentIdle.tsx): home after this many seconds... */
  screenIdleSeconds: z.number().int().positive(),
  /** ... or this many in a Thư viện số viewer ... */
  readingIdleSeconds: z.number().int().positive(),
  /** ... the last of which are counted down on screen. */
  idleCountdownSeconds: z.number().int().positive(),
  audio: z.object({
    enabled: z.boolean(),
    volume: z.number().min(0).max(1),
    /** Technician-recorded replacements, keyed by prompt id. */
    overrides: z.partialRecord(audioPromptId, audioFile),
  }),
});
export type ResidentSettings = z.infer<typeof residentSettings>;

export const residentsMethods = {
  'residents.settings': method(noParams, residentSettings, anyone),
};
