// The collector's refusals: an HttpError carries the status, a machine code and the Vietnamese
// sentence a person reads; JSON clients get { ok: false, error }, pages get the same sentence.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
