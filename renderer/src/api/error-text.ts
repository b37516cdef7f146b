// An API error in the screen's words, the one way screens explain a refusal: the screen's
// namespace sentence `errors.<reason>` (filled with the error's params), else the core's own
// Vietnamese sentence; an error that is not a reply from the core (no answer, a bug) gets the
// screen's `fallbackKey` sentence.
import type { TFunction } from 'i18next';
import { ApiCallError } from './client';

export function apiErrorText(t: TFunction, error: unknown, fallbackKey: string): string {
  if (!(error instanceof ApiCallError)) return t(fallbackKey);
  const { reason, message, params } = error.error;
  return reason ? t(`errors.${reason}`, { ...(params ?? {}), defaultValue: message }) : message;
}
