// Keyboard-wedge detection as a pure state machine (no DOM): tells a scanner's burst of keys from a
// person typing. A burst is printable ASCII keys each within maxInterKeyMs of the previous one,
// ended by Enter or Tab; its keys after the first are held back from the focused field.
import type { WedgeSettings } from '#contract/devices';

export type WedgeDecision =
  /** Let the key do what it normally does. */
  | { action: 'pass' }
  /** Swallow the key: it belongs to a burst that may be a scan. */
  | { action: 'hold' }
  /** The burst was a scan: swallow the terminator and undo the burst's first key in the field. */
  | { action: 'scan'; text: string }
  /** The burst was not a scan: type the held keys into the field, then let this key pass. */
  | { action: 'release'; text: string };

/** Keys that scanners send around letters (Shift for capitals) without ending a burst. */
const MODIFIERS = new Set(['Shift', 'CapsLock', 'NumLock']);

export interface WedgeDetector {
  onKey(key: string, at: number): WedgeDecision;
  /**
   * Called by a timer when no key came for a while; returns held text to type back, if any. The
   * burst itself is kept: on a loaded PC the rest of a scan can reach the page after the timer, and
   * its keys' own stamps (not their late arrival) say whether they belong to the burst. If they do
   * and it ends as a scan, the screen undoes what the flush typed along with the burst's first key.
   */
  flush(at: number): string | null;
  /** Whether keys are held that a timer should flush later. */
  pending(): boolean;
}

export function createWedgeDetector(settings: WedgeSettings): WedgeDetector {
  let burst = '';
  let held = '';
  let lastAt = Number.NEGATIVE_INFINITY;

  const reset = () => {
    burst = '';
    held = '';
  };
  const releaseOrPass = (): WedgeDecision => {
    const text = held;
    reset();
    return text ? { action: 'release', text } : { action: 'pass' };
  };

  function scanText(): string | null {
    let text = burst;
    if (settings.prefix) {
      if (!text.startsWith(settings.prefix)) return null;
      text = text.slice(settings.prefix.length);
    }
    if (settings.suffix && text.endsWith(settings.suffix)) text = text.slice(0, -settings.suffix.length);
    return text.length >= settings.minLength ? text : null;
  }

  return {
    onKey(key, at) {
      if (!settings.enabled) return { action: 'pass' };
      if (MODIFIERS.has(key)) return burst ? { action: 'hold' } : { action: 'pass' };
      const gap = at - lastAt;
      lastAt = at;
      const fast = gap <= settings.maxInterKeyMs;
      if (key === 'Enter' || key === 'Tab') {
        if (fast && burst.length >= 2 && (settings.terminators as string[]).includes(key)) {
          const text = scanText();
          if (text !== null) {
            reset();
            return { action: 'scan', text };
          }
        }
        return releaseOrPass();
      }
      // Scanners in keyboard mode type printable ASCII only; anything else (Vietnamese letters from
      // a Telex/VNI input method, Backspace, arrows) is a person.
      if (key.length !== 1 || key < ' ' || key > '~') return releaseOrPass();
      if (burst && fast) {
        burst += key;
        held += key;
        return { action: 'hold' };
      }
      const previous = held;
      burst = key;
      held = '';
      return previous ? { action: 'release', text: previous } : { action: 'pass' };
    },
    flush(at) {
      if (!held || at - lastAt <= settings.maxInterKeyMs) return null;
      const text = held;
      held = '';
      return text;
    },
    pending: () => held.length > 0,
  };
}
