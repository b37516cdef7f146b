// A scan taken on the home screen and handed to the circulation screen it opens, so the resident
// does not have to scan twice. Held for one read only, and only for a few seconds.
import type { ScanEvent } from '#contract/devices';

let pending: { scan: ScanEvent; at: number } | undefined;

export function handOffScan(scan: ScanEvent): void {
  pending = { scan, at: Date.now() };
}

export function takeHandedOffScan(): ScanEvent | undefined {
  const taken = pending;
  pending = undefined;
  return taken && Date.now() - taken.at < 5000 ? taken.scan : undefined;
}
