// A web address handed from Thư viện số to the internet session, so a link that counts as internet
// time opens in the session's browsing area (now, or right after the resident signs in). Held in
// memory for one read only, and forgotten after a few minutes so it never opens for someone else.
export const LINK_HANDOFF_MS = 3 * 60 * 1000;

let pending: { url: string; at: number } | undefined;

export function handOffLink(url: string, now = Date.now()): void {
  pending = { url, at: now };
}

export function takeHandedOffLink(now = Date.now()): string | undefined {
  const taken = pending;
  pending = undefined;
  return taken && now - taken.at < LINK_HANDOFF_MS ? taken.url : undefined;
}

/** The resident has left (home screen idle): a link nobody came to open is dropped. */
export function forgetHandedOffLink(): void {
  pending = undefined;
}
