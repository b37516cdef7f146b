// An API error in the screen's words: the one way screens explain a refusal.
// - No reply from the core (no connection, a bug): the screen's `fallbackKey` sentence.
// - On a Vietnamese screen that asks for it (`language`), the core's own sentence as it is: the core
//   words refusals in Vietnamese and names the book, card, line or byte concerned.
// - Otherwise the screen's sentence for the reason, `<keys>.<reason>` (default `errors.<reason>`),
//   filled with the error's params, else the core's sentence.
import type { TFunction } from 'i18next';
import { ApiCallError } from './client';

export interface ErrorWording {
  /** Where the screen keeps its sentence per reason (default `errors`), and in which namespace (default t's own). */
  keys?: string;
  namespace?: string;
  /** The screen's language, given when the core's Vietnamese sentence should be shown as it is. */
  language?: string;
}

export function apiErrorText(t: TFunction, error: unknown, fallbackKey: string, wording: ErrorWording = {}): string {
  if (!(error instanceof ApiCallError)) return t(fallbackKey);
  const { reason, message, params } = error.error;
  if (wording.language?.startsWith('vi')) return message;
  const prefix = `${wording.namespace ? `${wording.namespace}:` : ''}${wording.keys ?? 'errors'}`;
  return reason ? t(`${prefix}.${reason}`, { ...(params ?? {}), defaultValue: message }) : message;
}
