// Envelopes that carry the contract over a byte stream (the browser-mode WebSocket).
// Electron IPC carries the same `call`/`reply` shapes as structured clones.
import { z } from 'zod';
import { replySchema } from './errors';

export const callMessage = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  params: z.unknown(),
});
export type CallMessage = z.infer<typeof callMessage>;

export const replyMessage = z.object({
  kind: z.literal('reply'),
  id: z.number().int().nonnegative().nullable(),
  reply: replySchema,
});
export type ReplyMessage = z.infer<typeof replyMessage>;

export const eventMessage = z.object({
  kind: z.literal('event'),
  name: z.string(),
  payload: z.unknown(),
});
export type EventMessage = z.infer<typeof eventMessage>;

export const serverMessage = z.discriminatedUnion('kind', [replyMessage, eventMessage]);

/** Largest WebSocket frame the host accepts; a kiosk call is a few hundred bytes. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
