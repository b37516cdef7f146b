// The one way a screen loads data from the core: call `load` whenever `deps` change, keep what the
// last call gave (so a refresh does not flash empty), and drop the answer of a call the screen no
// longer wants (it was unmounted, or newer deps asked again). `reload()` asks again by hand.
//
// Written here rather than taken from TanStack Query or SWR: the kiosk has one local core on the same
// machine (no HTTP cache, retries or deduplication to manage), and the residents' first screen has a
// size budget (test/unit/renderer/bundle-budget.test.ts) that those libraries alone would eat a tenth of.
import { useCallback, useEffect, useState, type DependencyList } from 'react';

export interface Loaded<T> {
  /** What the last call that succeeded gave; undefined until one has. */
  value: T | undefined;
  /** Why the last call failed (cleared by the next success). */
  error: unknown;
  /** True while a call is under way. */
  loading: boolean;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ value: T | undefined; error: unknown; loading: boolean }>({ value: undefined, error: undefined, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let wanted = true;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    load().then(
      (value) => wanted && setState({ value, error: undefined, loading: false }),
      (error: unknown) => wanted && setState((s) => ({ value: s.value, error: error ?? new Error('failed'), loading: false })),
    );
    return () => {
      wanted = false;
    };
    // The caller's deps are checked where useLoad is called (eslint additionalHooks: useLoad).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
