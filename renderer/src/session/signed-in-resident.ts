// Who is signed in at this kiosk right now, for the services that count use per resident (Thư viện
// số). Only the card number, only in memory: Mượn / trả sách sets it on sign-in and clears it on
// sign-out, receipt or its idle timeout; the home screen's idle reset (the resident has left)
// clears it too. Nothing else signs a resident in.
import { useSyncExternalStore } from 'react';

let card: string | null = null;
const listeners = new Set<() => void>();

function publish(next: string | null): void {
  if (next === card) return;
  card = next;
  for (const listener of listeners) listener();
}

export function setSignedInResident(cardNumber: string): void {
  publish(cardNumber);
}

export function clearSignedInResident(): void {
  publish(null);
}

/** The signed-in resident's card number, or null when nobody is signed in (use is anonymous). */
export function signedInCard(): string | null {
  return card;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSignedInCard(): string | null {
  return useSyncExternalStore(subscribe, signedInCard);
}
