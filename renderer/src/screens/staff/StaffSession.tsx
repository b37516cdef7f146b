// The signed-in staff member, shared by the staff home and every staff page: the token staff-only
// methods need, who it is, and signing out. It lives only while the staff area is on screen.
import { createContext, useContext, type ReactNode } from 'react';
import type { StaffMember } from '#contract/staff';

export interface StaffSession {
  token: string;
  staff: StaffMember;
  signOut(): void;
}

const StaffSessionContext = createContext<StaffSession | undefined>(undefined);

export function StaffSessionProvider({ session, children }: { session: StaffSession; children: ReactNode }) {
  return <StaffSessionContext.Provider value={session}>{children}</StaffSessionContext.Provider>;
}

export function useStaffSession(): StaffSession {
  const session = useContext(StaffSessionContext);
  if (!session) throw new Error('useStaffSession outside the signed-in staff area');
  return session;
}
