// KioskError: the one exception type the domain throws on purpose. The API boundary turns it into
// a typed error reply; anything else becomes an `internal` reply and is logged without personal data.
import type { ApiError, ApiErrorCode } from '#contract';

export class KioskError extends Error {
  readonly code: ApiErrorCode;
  readonly reason: string | undefined;
  readonly params: ApiError['params'];

  constructor(code: ApiErrorCode, message: string, options: { reason?: string; params?: ApiError['params'] } = {}) {
    super(message);
    this.name = 'KioskError';
    this.code = code;
    this.reason = options.reason;
    this.params = options.params;
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      ...(this.params === undefined ? {} : { params: this.params }),
    };
  }
}

export const refused = (reason: string, message: string, params?: ApiError['params']) =>
  new KioskError('refused', message, { reason, ...(params ? { params } : {}) });
export const notFound = (reason: string, message: string, params?: ApiError['params']) =>
  new KioskError('not_found', message, { reason, ...(params ? { params } : {}) });
