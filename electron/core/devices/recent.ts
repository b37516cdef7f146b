// The last few scans for the diagnostics page, in memory only (a restart forgets them) and already masked.
import type { ScanEvent } from '#contract/devices';

export function createRecentScans(capacity: number) {
  const scans: ScanEvent[] = [];
  return {
    add(scan: ScanEvent) {
      scans.unshift(scan);
      if (scans.length > capacity) scans.length = capacity;
    },
    list: (): ScanEvent[] => scans.map((s) => ({ ...s })),
  };
}
