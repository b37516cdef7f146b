// Rate limits that keep a hostile page from trapping a resident: a window.open storm opens at most a
// few tabs, and an alert/confirm/prompt/beforeunload loop is dismissed and then stopped. Pure: time
// comes from the caller's monotonic clock.

export interface PopupLimits {
  maxTabs: number;
  /** At most this many popups within `windowMs`; the rest are refused. */
  perWindow: number;
  windowMs: number;
}

export const DEFAULT_POPUP_LIMITS: PopupLimits = { maxTabs: 6, perWindow: 3, windowMs: 10_000 };

export class PopupGate {
  private recent: number[] = [];
  constructor(private readonly limits: PopupLimits = DEFAULT_POPUP_LIMITS) {}

  /** Whether one more popup may become a tab now (its URL still goes through the policy). */
  admit(now: number, openTabs: number): boolean {
    this.recent = this.recent.filter((t) => now - t < this.limits.windowMs);
    if (openTabs >= this.limits.maxTabs || this.recent.length >= this.limits.perWindow) return false;
    this.recent.push(now);
    return true;
  }
}

export interface DialogLimits {
  /** More than this many dialogs within `windowMs` stops the page. */
  perWindow: number;
  windowMs: number;
}

export const DEFAULT_DIALOG_LIMITS: DialogLimits = { perWindow: 5, windowMs: 10_000 };

export type DialogAnswer = { accept: boolean; stopPage: boolean };

export class DialogGate {
  private recent: number[] = [];
  constructor(private readonly limits: DialogLimits = DEFAULT_DIALOG_LIMITS) {}

  /**
   * Every dialog is answered at once, so nothing waits on a resident: alert/confirm/prompt are
   * dismissed, beforeunload is accepted (leaving is always possible). A loop stops the page.
   */
  answer(type: string, now: number): DialogAnswer {
    this.recent = this.recent.filter((t) => now - t < this.limits.windowMs);
    this.recent.push(now);
    return { accept: type === 'beforeunload', stopPage: this.recent.length > this.limits.perWindow };
  }
}
