// Building blocks of the API contract: a method is a pair of zod schemas (request, response) plus
// who may call it; an event is one payload schema. Feature tables are plain objects of these,
// joined in index.ts. The registry in electron/core/api enforces `access` in one place, so no
// handler checks a token by hand.
import { z } from 'zod';

/**
 * Who may call a method:
 * - `anyone`: anybody standing at the kiosk (home screen, search, returns, sign-in itself);
 * - `resident`: a resident signed in at this kiosk — the request carries the `residentToken` that
 *   sign-in handed out, and the handler acts for that resident only;
 * - `staff`: a signed-in staff member (or a technician) — the request carries a `staffToken`;
 * - `technician`: a signed-in technician only.
 */
export const ACCESS_LEVELS = ['anyone', 'resident', 'staff', 'technician'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export interface MethodRules<A extends Access = Access> {
  readonly access: A;
  /**
   * True for the few methods that still answer on a kiosk whose configuration is broken: what the
   * out-of-service screen and a technician need to diagnose it. Everything else is refused there.
   */
  readonly whenMisconfigured?: boolean;
}

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType, A extends Access = Access> {
  readonly request: Req;
  readonly response: Res;
  readonly access: A;
  readonly whenMisconfigured: boolean;
}

export function method<Req extends z.ZodType, Res extends z.ZodType, A extends Access>(
  request: Req,
  response: Res,
  rules: MethodRules<A>,
): MethodSpec<Req, Res, A> {
  return { request, response, access: rules.access, whenMisconfigured: rules.whenMisconfigured ?? false };
}

/** A request that carries nothing. */
export const noParams = z.object({}).strict();

/** What a staff or technician method's request must carry (from `staff.signIn`). */
export const staffToken = z.string().min(16).max(128);
/** A staff or technician request: the token, then the method's own fields. */
export const withToken = <T extends z.ZodRawShape>(shape: T) => z.object({ staffToken, ...shape }).strict();
/** What a resident method's request must carry (from `circulation.signIn`). */
export const residentToken = z.string().min(16).max(128);

/** Shorthands that keep the tables readable: `staffOnly(request, response)` and so on. */
export const anyone = { access: 'anyone' } as const;
export const resident = { access: 'resident' } as const;
export const staff = { access: 'staff' } as const;
export const technician = { access: 'technician' } as const;
