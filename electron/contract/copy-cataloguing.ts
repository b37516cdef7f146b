// Copy cataloguing ("Biên mục sao chép"): staff scan or type a book's ISBN, the kiosk asks the
// configured SRU / Z39.50 servers at once and shows their records; staff pick one and scan a new
// copy's barcode. With no network the ISBN waits in a queue that the kiosk retries.
import { z } from 'zod';
import { method, staff } from './define';
import { staffToken } from './staff';

/** How one server's answer went: records, none, or why not (the screen words each per server). */
export const copySourceOutcome = z.enum(['found', 'none', 'unreachable', 'timeout', 'refused', 'bad_reply']);
export type CopySourceOutcome = z.infer<typeof copySourceOutcome>;

export const copySource = z.object({
  name: z.string(),
  protocol: z.enum(['sru', 'z3950']),
  outcome: copySourceOutcome,
  /** Records the server has for the ISBN (it may send fewer). */
  hits: z.number().int(),
  /** How long it took to answer or give up. */
  ms: z.number().int(),
  /** A Vietnamese sentence for this server's outcome (CLI, log); screens word it themselves. */
  message: z.string(),
});
export type CopySource = z.infer<typeof copySource>;

export const copyCandidate = z.object({
  index: z.number().int(),
  title: z.string(),
  authors: z.array(z.string()),
  publisher: z.string().nullable(),
  year: z.number().int().nullable(),
  isbn: z.string().nullable(),
  edition: z.string().nullable(),
  physicalDescription: z.string().nullable(),
  callNumber: z.string().nullable(),
  /** The configured server the record came from. */
  source: z.string(),
  /** Other configured servers that sent the same record (offered once). */
  alsoFrom: z.array(z.string()),
});
export type CopyCandidate = z.infer<typeof copyCandidate>;

export const copyLookupState = z.enum(['queued', 'found', 'none', 'added', 'discarded']);

export const copyLookup = z.object({
  id: z.number().int(),
  isbn: z.string(),
  /** queued: no server answered (no network); found / none: servers answered; added: a copy was catalogued from it. */
  state: copyLookupState,
  requestedAt: z.string(),
  attempts: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sources: z.array(copySource),
  candidates: z.array(copyCandidate),
  /** The commune already has a record with this ISBN: a new copy joins it. */
  existing: z.object({ recordId: z.number().int(), title: z.string(), copies: z.number().int() }).nullable(),
});
export type CopyLookup = z.infer<typeof copyLookup>;

/** What staff type or scan: digits, spaces and hyphens, an X at the end of an ISBN-10. */
const isbnInput = z.string().trim().min(1).max(40);
const lookupId = z.number().int().min(1);
/** The same rule as an imported copy's barcode (record-input.ts). */
export const copyBarcode = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}._/-]{1,64}$/u, 'mã vạch chỉ gồm chữ, số và - . _ /, tối đa 64 ký tự');

export const copyQueueEntry = copyLookup.omit({ candidates: true, existing: true }).extend({ candidateCount: z.number().int() });

export const copyCataloguingMethods = {
  /** Asks every configured server for the ISBN at once; queued when none answers. */
  'catalogue.copyLookup': method(z.object({ staffToken, isbn: isbnInput }).strict(), copyLookup, staff),
  /** One lookup again (a queued ISBN that has since been answered). */
  'catalogue.copyLookupShow': method(z.object({ staffToken, lookupId }).strict(), copyLookup, staff),
  /** Catalogues the picked record with one new copy: in the catalogue and found by search at once. */
  'catalogue.copyAdd': method(
    z.object({ staffToken, lookupId, candidate: z.number().int().min(0), barcode: copyBarcode, location: z.string().trim().max(100).optional() }).strict(),
    z.object({ recordId: z.number().int(), title: z.string(), barcode: z.string(), joinedExisting: z.boolean() }),
    staff,
  ),
  /** The servers configured, and the lookups still open (queued, or answered and not yet catalogued). */
  'catalogue.copyQueue': method(
    z.object({ staffToken }).strict(),
    z.object({
      targets: z.array(z.object({ name: z.string(), protocol: z.enum(['sru', 'z3950']) })),
      retryMinutes: z.number().int(),
      lookups: z.array(copyQueueEntry),
    }),
    staff,
  ),
  /** Tries every queued ISBN again now. */
  'catalogue.copyRetry': method(
    z.object({ staffToken }).strict(),
    z.object({ tried: z.number().int(), answered: z.number().int(), stillQueued: z.number().int() }),
    staff,
  ),
  /** Takes a lookup off the list (the book was catalogued another way, or the ISBN was wrong). */
  'catalogue.copyDiscard': method(z.object({ staffToken, lookupId }).strict(), z.object({ discarded: z.boolean() }), staff),
};

export const copyCataloguingEvents = {
  /** The queue changed (a queued ISBN was answered by a retry): staff screens reload it. */
  'catalogue.copyQueueChanged': z.object({ queued: z.number().int(), answered: z.number().int() }),
};
