// The handler table: one handler per contract method, registered once. `dispatch` is the boundary:
// it validates the request, checks who is calling against the method's declared access, runs the
// handler with that caller, validates the response, and never throws.
import { z } from 'zod';
import { isMethodName, methods, type ApiError, type MethodName, type ParsedRequestOf, type Reply, type ResponseOf } from '#contract';
import { maskIdentityNumbers } from '../../../common/privacy/mask';
import { KioskError } from '../errors';
import type { StaffMember } from '#contract/staff';
import { whileServing } from '../store/write-turns';
import type { Authorize, Caller, CallerOf, StaffCaller } from './access';

export type Handler<M extends MethodName> = (params: ParsedRequestOf<M>, caller: CallerOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>;

/**
 * Where a forwarded method is answered instead of this core's handler (a room kiosk sends the room's
 * methods to its hub: electron/core/room/). It receives the request as sent, already validated here,
 * and for staff methods the staff member this core resolved from the token.
 */
export type Remote = (name: MethodName, params: unknown, staff: StaffMember | undefined) => Promise<Reply<unknown>>;

export interface DispatchOptions {
  /** Resolves the caller instead of the registry's own `authorize` (the hub serving a room kiosk). */
  authorize?: Authorize;
}

export interface Registry {
  register<M extends MethodName>(name: M, handler: Handler<M>): void;
  dispatch(name: string, params: unknown, options?: DispatchOptions): Promise<Reply<unknown>>;
  registered(): MethodName[];
  /** From now on, `names` are answered by `remote` (each still needs its local handler registered). */
  forward(names: readonly MethodName[], remote: Remote): void;
}

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(gốc)', message: issue.message }));
}

export interface RegistryOptions {
  /** Called with unexpected exceptions; must not log request contents (they may be personal). */
  onInternalError?: (method: string, error: unknown) => void;
  /** Central gate checked before every call (e.g. a misconfigured kiosk refuses service methods). */
  refuse?: (method: MethodName) => KioskError | undefined;
  /** Turns an unexpected exception a person can act on (a full disk) into a KioskError. */
  explain?: (error: unknown) => KioskError | undefined;
  /**
   * Resolves the caller from the request's token for the method's declared access, or throws a
   * KioskError (`unauthorized`). Without it only `anyone` methods can be called.
   */
  authorize?: Authorize;
}

export function createRegistry(options: RegistryOptions = {}): Registry {
  const handlers = new Map<MethodName, (params: unknown, caller: Caller) => unknown>();
  const forwarded = new Map<MethodName, Remote>();

  return {
    register(name, handler) {
      if (!isMethodName(name)) throw new Error(`Method ${String(name)} is not in the contract`);
      if (handlers.has(name)) throw new Error(`Method ${name} is registered twice`);
      handlers.set(name, handler as (params: unknown, caller: Caller) => unknown);
    },

    registered: () => [...handlers.keys()],

    forward(names, remote) {
      for (const name of names) {
        if (!handlers.has(name)) throw new Error(`Method ${name} is forwarded but has no handler`);
        forwarded.set(name, remote);
      }
    },

    async dispatch(name, params, dispatchOptions = {}) {
      if (!isMethodName(name) || !handlers.has(name)) {
        return fail({
          code: 'unknown_method',
          message: `Lệnh "${name.slice(0, 80)}" không tồn tại. Hãy cập nhật phần mềm kiosk hoặc báo kỹ thuật viên.`,
        });
      }
      const refusal = options.refuse?.(name);
      if (refusal) return fail(refusal.toApiError());
      const spec = methods[name];
      const parsed = spec.request.safeParse(params ?? {});
      if (!parsed.success) {
        return fail({
          code: 'invalid_request',
          message: 'Yêu cầu không hợp lệ nên không có gì được thay đổi. Hãy thử lại; nếu lỗi lặp lại, báo nhân viên thư viện.',
          issues: issuesOf(parsed.error),
        });
      }
      const remote = forwarded.get(name);
      if (remote) return forward(remote, name, spec.access, params ?? {}, parsed.data);
      try {
        const caller = authorizeCaller(dispatchOptions.authorize ?? options.authorize, spec.access, parsed.data);
        const handler = handlers.get(name)!;
        // Counted while its synchronous part runs: a writer thread gives this request the write lock first (store/write-turns.ts).
        const value = await whileServing(() => handler(parsed.data, caller));
        const checked = spec.response.safeParse(value);
        if (!checked.success) {
          options.onInternalError?.(name, new Error(`response of ${name} broke the contract: ${checked.error.message}`));
          return fail(internalError());
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof KioskError) return fail(error.toApiError());
        options.onInternalError?.(name, error);
        const explained = options.explain?.(error);
        return fail(explained ? explained.toApiError() : internalError());
      }
    },
  };

  /**
   * A forwarded call: staff are resolved here (their token belongs to this core), residents and
   * anyone at the other end (a resident token comes from the other end's sign-in). What comes back
   * is checked against the contract like a local handler's answer.
   */
  async function forward(remote: Remote, name: MethodName, access: Caller['access'], params: unknown, parsed: unknown): Promise<Reply<unknown>> {
    let staff: StaffMember | undefined;
    try {
      if (access === 'staff' || access === 'technician') staff = (authorizeCaller(options.authorize, access, parsed) as StaffCaller).staff;
      const reply = await remote(name, params, staff);
      if (!reply.ok) return fail(reply.error);
      const checked = methods[name].response.safeParse(reply.value);
      if (checked.success) return { ok: true, value: checked.data };
      options.onInternalError?.(name, new Error(`forwarded response of ${name} broke the contract: ${checked.error.message}`));
      return fail(internalError());
    } catch (error) {
      if (error instanceof KioskError) return fail(error.toApiError());
      options.onInternalError?.(name, error);
      return fail(internalError());
    }
  }
}

function authorizeCaller(authorize: Authorize | undefined, access: Caller['access'], request: unknown): Caller {
  if (access === 'anyone') return { access };
  if (!authorize) throw new KioskError('unauthorized', 'Chức năng này cần đăng nhập.', { reason: 'not_signed_in' });
  return authorize(access, request);
}

/** Every refusal crosses the boundary with identity numbers masked (a message may quote what was typed or scanned). */
function fail(error: ApiError): Reply<never> {
  return { ok: false, error: { ...error, message: maskIdentityNumbers(error.message) } };
}

function internalError(): ApiError {
  return {
    code: 'internal',
    message: 'Kiosk gặp lỗi bất ngờ và không thực hiện được yêu cầu. Hãy thử lại; nếu lỗi lặp lại, báo nhân viên thư viện.',
  };
}
