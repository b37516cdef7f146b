// Building blocks of the API contract: a method is a pair of zod schemas (request, response),
// an event is one payload schema. Feature tables are plain objects of these, joined in index.ts.
import { z } from 'zod';

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): MethodSpec<Req, Res> {
  return { request, response };
}

/** A request that carries nothing. */
export const noParams = z.object({}).strict();
