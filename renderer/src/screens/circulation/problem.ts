// Turns a failed call into what the resident reads: a short translated headline for the reason and
// the core's full Vietnamese sentence (which names the book and what to do next).
import type { TFunction } from 'i18next';
import { ApiCallError } from '../../api/client';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: circulation:advice.*

export interface Problem {
  reason: string;
  headline: string;
  detail: string;
  params: Record<string, string | number | boolean | null>;
}

export function describeProblem(error: unknown, t: TFunction, language: string): Problem {
  if (error instanceof ApiCallError) {
    const reason = error.error.reason ?? error.error.code;
    const headline = t(`circulation:errors.${reason}`, { defaultValue: t('circulation:errors.generic') });
    // Outside Vietnamese, the core's sentence is replaced by the translated advice for the reason.
    const detail = apiErrorText(t, error, 'circulation:advice.offline', { namespace: 'circulation', keys: 'advice', language });
    return { reason, headline, detail, params: error.error.params ?? {} };
  }
  return { reason: 'offline', headline: t('circulation:errors.offline'), detail: t('circulation:advice.offline'), params: {} };
}
