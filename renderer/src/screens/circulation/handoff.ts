// A scan taken on the home screen and handed to the circulation screen it opens, so the resident
// does not have to scan twice. Held for one read only. It waits as long as that screen takes to load
// (a slow PC loading the English texts and large-text layout took more than the five seconds this
// once allowed, and the card was silently dropped); the home screen drops it when it is shown again,
// so it can never sign in whoever opens the circulation screen next.
import type { ScanEvent } from '#contract/devices';

/** A safety net only: the circulation screen takes the scan as soon as it mounts. */
export const HANDOFF_HELD_MS = 60_000;

let pending: { scan: ScanEvent; at: number } | undefined;

export function handOffScan(scan: ScanEvent): void {
  pending = { scan, at: Date.now() };
}

export function takeHandedOffScan(): ScanEvent | undefined {
  const taken = pending;
  pending = undefined;
  return taken && Date.now() - taken.at < HANDOFF_HELD_MS ? taken.scan : undefined;
}

/** The home screen is shown again: whatever was handed off is no longer anyone's. */
export function dropHandedOffScan(): void {
  pending = undefined;
}
