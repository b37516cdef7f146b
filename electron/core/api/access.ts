// Who is calling: the contract says per method who may call it (`access` in
// electron/contract/define.ts); this module turns the request's token into the caller a handler
// receives. It is the only place tokens are checked — handlers never call requireStaff by hand.
import type { Access, MethodName, Methods } from '#contract';
import type { StaffMember } from '#contract/staff';
import type { KioskContext } from '../context';
import { requireResident, type ResidentCaller } from '../patrons/resident-sessions';
import { requireStaff } from '../staff/auth';

export interface AnyoneCaller {
  readonly access: 'anyone';
}
export interface ResidentCallerOf {
  readonly access: 'resident';
  readonly resident: ResidentCaller;
}
export interface StaffCaller {
  readonly access: 'staff' | 'technician';
  readonly staff: StaffMember;
}
export type Caller = AnyoneCaller | ResidentCallerOf | StaffCaller;

/** The caller a handler of method M receives, typed by the method's declared access. */
export type CallerOf<M extends MethodName> = Methods[M]['access'] extends 'staff' | 'technician'
  ? StaffCaller
  : Methods[M]['access'] extends 'resident'
    ? ResidentCallerOf
    : AnyoneCaller;

export type Authorize = (access: Access, request: unknown) => Caller;

/** Token field a request of each access level must carry (checked for every method by a test). */
export const TOKEN_FIELD: Record<Access, 'staffToken' | 'residentToken' | null> = {
  anyone: null,
  resident: 'residentToken',
  staff: 'staffToken',
  technician: 'staffToken',
};

function tokenOf(request: unknown, field: string): string {
  const value = (request as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

export function authorizeFor(ctx: KioskContext): Authorize {
  return (access, request) => {
    switch (access) {
      case 'anyone':
        return { access };
      case 'resident':
        return { access, resident: requireResident(ctx, tokenOf(request, 'residentToken')) };
      case 'staff':
      case 'technician':
        return { access, staff: requireStaff(ctx, tokenOf(request, 'staffToken'), access) };
    }
  };
}
