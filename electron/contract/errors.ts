// The typed error reply every transport carries. `message` is a full Vietnamese sentence that says
// what to do next (the CLI prints it); `reason` + `params` let the renderer translate it.
import { z } from 'zod';

export const apiErrorCode = z.enum([
  'invalid_request', // the request failed its schema: nothing was done
  'unknown_method',
  'not_found',
  'refused', // a domain rule said no (card expired, too many loans ...)
  'conflict',
  'unauthorized',
  'unavailable',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCode>;

export const apiError = z.object({
  code: apiErrorCode,
  reason: z.string().optional(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiError>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiError }),
]);
