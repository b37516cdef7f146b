// Who is signed in at this kiosk right now. Only in memory: Mượn / trả sách sets it on sign-in and
// clears it on sign-out, receipt or its idle timeout; the home screen's idle reset (the resident has
// left) clears it too. The card number serves the services that count use per resident (Thư viện
// số); the resident token is what resident methods carry (the core refuses them without it).
// Clearing ends the token at the core too, so it cannot be reused after the resident has gone.
import { useSyncExternalStore } from 'react';

interface SignedIn {
  card: string;
  token: string;
}

let current: SignedIn | null = null;
let endSession: (token: string) => void = () => {};
const listeners = new Set<() => void>();

function publish(next: SignedIn | null): void {
  if (next?.token === current?.token) return;
  current = next;
  for (const listener of listeners) listener();
}

/** Set once by the app shell: how to tell the core a resident's token is finished with. */
export function onResidentSignedOut(end: (token: string) => void): void {
  endSession = end;
}

export function setSignedInResident(cardNumber: string, residentToken: string): void {
  const previous = current;
  publish({ card: cardNumber, token: residentToken });
  if (previous && previous.token !== residentToken) endSession(previous.token);
}

export function clearSignedInResident(): void {
  const previous = current;
  publish(null);
  if (previous) endSession(previous.token);
}

/** The signed-in resident's card number, or null when nobody is signed in (use is anonymous). */
export function signedInCard(): string | null {
  return current?.card ?? null;
}

/** The signed-in resident's token for resident methods, or null. */
export function signedInToken(): string | null {
  return current?.token ?? null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSignedInCard(): string | null {
  return useSyncExternalStore(subscribe, signedInCard);
}
