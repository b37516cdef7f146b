// Delivers every classified scan to the screens that are mounted: `scan.received` events from the
// core (HID devices, simulator, and wedge bursts this provider submits) and the keyboard-wedge
// detector that keeps a scanner's keys out of the focused text field.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { ScanEvent } from '#contract/devices';
import { useApi } from '../api/context';
import { restoreField, snapshotFocusedField, typeIntoFocusedField, type FieldSnapshot } from './field';
import { createWedgeDetector, type WedgeDetector } from './wedge';
import { DEFAULT_WEDGE } from './wedge-defaults';

type ScanHandler = (scan: ScanEvent) => void;

interface ScanHub {
  add(handler: ScanHandler): () => void;
}

const ScanContext = createContext<ScanHub | undefined>(undefined);

export function ScanProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const handlers = useRef(new Set<ScanHandler>());
  const hub = useRef<ScanHub>({
    add(handler) {
      handlers.current.add(handler);
      return () => handlers.current.delete(handler);
    },
  });

  useEffect(
    () =>
      api.on('scan.received', (scan) => {
        for (const handler of [...handlers.current]) handler(scan);
      }),
    [api],
  );

  useEffect(() => {
    let detector: WedgeDetector = createWedgeDetector(DEFAULT_WEDGE);
    let settings = DEFAULT_WEDGE;
    let cancelled = false;
    void api.call('devices.wedgeSettings', {}).then(
      (loaded) => {
        if (cancelled) return;
        settings = loaded;
        detector = createWedgeDetector(loaded);
      },
      () => undefined, // keep the defaults; the detector still works
    );

    let snapshot: FieldSnapshot | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Keys carry the time the system stamped them (event.timeStamp); the flush asks "now" from
    // performance.now(). The two share a base in a plain browser but not under a test's fake clock,
    // so the flush reads now on the keys' base: the last key's stamp plus the time since it arrived.
    let keyBaseOffset = 0;
    const scheduleFlush = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const text = detector.flush(performance.now() + keyBaseOffset);
        if (text) typeIntoFocusedField(text);
        else if (detector.pending()) scheduleFlush();
      }, settings.maxInterKeyMs + 5);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
      keyBaseOffset = event.timeStamp - performance.now();
      const decision = detector.onKey(event.key, event.timeStamp);
      switch (decision.action) {
        case 'pass':
          if (event.key.length === 1) snapshot = snapshotFocusedField();
          if (detector.pending()) scheduleFlush();
          return;
        case 'hold':
          event.preventDefault();
          event.stopPropagation();
          scheduleFlush();
          return;
        case 'release':
          typeIntoFocusedField(decision.text);
          if (event.key.length === 1) snapshot = snapshotFocusedField();
          if (detector.pending()) scheduleFlush();
          return;
        case 'scan':
          event.preventDefault();
          event.stopPropagation();
          clearTimeout(timer);
          // The burst's first key reached the field before we knew; take it back out.
          restoreField(snapshot);
          snapshot = null;
          // The core classifies and emits scan.received, which reaches the handlers above.
          void api.call('devices.submitScan', { source: 'wedge', text: decision.text }).catch(() => undefined);
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [api]);

  return <ScanContext.Provider value={hub.current}>{children}</ScanContext.Provider>;
}

/** Calls `handler` with every classified scan while the calling screen is mounted (and `enabled`). */
export function useScan(handler: ScanHandler, options: { enabled?: boolean } = {}): void {
  const hub = useContext(ScanContext);
  if (!hub) throw new Error('useScan outside ScanProvider');
  const latest = useRef(handler);
  latest.current = handler;
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!enabled) return;
    return hub.add((scan) => latest.current(scan));
  }, [hub, enabled]);
}
