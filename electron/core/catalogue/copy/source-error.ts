// How asking one catalogue server can fail, as a type the lookup turns into a sentence for staff:
// nothing answers at that address (`unreachable`: no network, a wrong address, the server is off),
// no answer in time (`timeout`), the server answered but refused (`refused`: a diagnostic, an
// Init rejected), or its answer could not be read (`bad_reply`).
export type SourceFailure = 'unreachable' | 'timeout' | 'refused' | 'bad_reply';

export class SourceError extends Error {
  constructor(
    readonly failure: SourceFailure,
    /** For the log and technicians (an errno, a bib-1 or SRU diagnostic); never shown as the sentence. */
    readonly detail: string,
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'SourceError';
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL', 'EPIPE']);

/** A socket or fetch failure as a SourceError (an errno that means "no one there" is `unreachable`). */
export function networkFailure(error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code ?? '';
  if (UNREACHABLE.has(code)) return new SourceError('unreachable', code);
  if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') return new SourceError('timeout', (error as Error).message);
  return new SourceError('unreachable', `${code || (error as Error).name}: ${(error as Error).message}`.slice(0, 300));
}
