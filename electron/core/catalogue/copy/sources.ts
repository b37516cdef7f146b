// Asking one configured target for an ISBN (in both its ISBN-13 and ISBN-10 forms), whichever
// protocol it speaks.
import { VERSION } from '../../version';
import type { CopyTarget } from './config';
import { isbnForms } from './isbn-forms';
import { sruSearchIsbn } from './sru-client';
import { z3950SearchIsbn, type SourceAnswer } from './z3950-client';

export function searchTarget(target: CopyTarget, isbn: string, options: { timeoutMs: number; maxRecords: number }): Promise<SourceAnswer> {
  const forms = isbnForms(isbn);
  const timeoutMs = target.timeoutSeconds !== undefined ? target.timeoutSeconds * 1000 : options.timeoutMs;
  if (target.protocol === 'sru') return sruSearchIsbn(target, forms, { timeoutMs, maxRecords: options.maxRecords });
  return z3950SearchIsbn(target, forms, { timeoutMs, maxRecords: options.maxRecords, version: VERSION });
}
