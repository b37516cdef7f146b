// An SRU client for one ISBN: searchRetrieve over HTTP GET, records as MARCXML. Written on fetch
// and the import's MARCXML reader rather than @natlibfi/sru-client: that package streams through
// xml2js-style parsing to its own record objects and brings its own HTTP stack, while the kiosk
// already reads MARCXML (marcxml.ts) and needs only one GET with a deadline. The SRU envelope is
// read with saxes (as marcxml.ts is); each record's XML is written back out and handed to readMarcXml.
import { SaxesParser } from 'saxes';
import { marcXmlRecords } from './records';
import { networkFailure, SourceError } from './source-error';
import type { SourceAnswer } from './z3950-client';

export interface SruTarget {
  url: string;
  version: '1.1' | '1.2' | '2.0';
  recordSchema: string;
  /** The CQL index for ISBNs (Koha: bath.isbn; some servers: dc.identifier). */
  isbnIndex: string;
}

/** Largest SRU answer read (20 MARCXML records are well under 1 MB). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export function sruUrl(target: SruTarget, isbn: string | readonly string[], maxRecords: number): string {
  const url = new URL(target.url);
  url.searchParams.set('version', target.version);
  url.searchParams.set('operation', 'searchRetrieve');
  url.searchParams.set('query', (typeof isbn === 'string' ? [isbn] : isbn).map((form) => `${target.isbnIndex}="${form}"`).join(' or '));
  url.searchParams.set('recordSchema', target.recordSchema);
  url.searchParams.set('maximumRecords', String(maxRecords));
  if (target.version !== '2.0') url.searchParams.set('recordPacking', 'xml');
  else url.searchParams.set('recordXMLEscaping', 'xml');
  return url.toString();
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The parts of a searchRetrieveResponse the kiosk uses. Never throws: unreadable XML is `bad_reply`. */
export function readSruResponse(xml: string): { ok: true; total: number; recordXml: string[]; diagnostic?: string } | { ok: false; error: string } {
  const parser = new SaxesParser({ xmlns: false });
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  let total: number | undefined;
  let depthInData = 0;
  let current = '';
  let textBuffer = '';
  let inDiagnostic = false;
  let diagnostic: string | undefined;
  let sawResponse = false;
  const recordXml: string[] = [];
  let failure: string | undefined;
  parser.on('error', (error) => void (failure ??= error.message));
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (depthInData > 0) {
      depthInData++;
      current += `<${tag.name}${Object.entries(tag.attributes)
        .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
        .join('')}>`;
      return;
    }
    if (name === 'searchRetrieveResponse') sawResponse = true;
    if (name === 'recordData') {
      depthInData = 1;
      current = '';
    }
    if (name === 'diagnostic') inDiagnostic = true;
    textBuffer = '';
  });
  parser.on('text', (value) => {
    if (depthInData > 0) current += escapeText(value);
    else textBuffer += value;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (depthInData > 0) {
      depthInData--;
      if (depthInData > 0) current += `</${tag.name}>`;
      else recordXml.push(current.trim().startsWith('<') ? current : unescapeRecord(current));
      return;
    }
    if (name === 'numberOfRecords') total = Number(textBuffer.trim());
    if (inDiagnostic && (name === 'message' || name === 'details')) diagnostic = [diagnostic, textBuffer.trim()].filter(Boolean).join(': ');
    if (name === 'diagnostic') inDiagnostic = false;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= (error as Error).message;
  }
  if (failure !== undefined) return { ok: false, error: `not XML: ${failure.slice(0, 200)}` };
  if (!sawResponse) return { ok: false, error: 'not an SRU searchRetrieveResponse' };
  if (total === undefined || !Number.isInteger(total) || total < 0) {
    return diagnostic ? { ok: true, total: 0, recordXml: [], diagnostic } : { ok: false, error: 'no numberOfRecords' };
  }
  return { ok: true, total, recordXml, ...(diagnostic ? { diagnostic } : {}) };
}

/** recordPacking=string: the record arrived as escaped text; saxes already unescaped it. */
const unescapeRecord = (escapedAgain: string) => escapedAgain.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function readBody(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new SourceError('bad_reply', `an answer larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `isbn`: one ISBN, or the forms of one book's ISBN (any of them matches). */
export async function sruSearchIsbn(
  target: SruTarget,
  isbn: string | readonly string[],
  options: { timeoutMs: number; maxRecords: number },
): Promise<SourceAnswer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let body: string;
  try {
    const response = await fetch(sruUrl(target, isbn, options.maxRecords), { signal, redirect: 'manual', headers: { accept: 'application/xml, text/xml' } });
    body = await readBody(response);
    // A redirect is not followed: the configured address is the server, and a redirect elsewhere
    // (another host, a login page) is an answer for the technician to look at.
    if (!response.ok && !body.includes('searchRetrieveResponse')) throw new SourceError('bad_reply', `HTTP ${response.status}`);
  } catch (error) {
    throw signal.aborted ? new SourceError('timeout', `no answer within ${options.timeoutMs} ms`) : networkFailure(error);
  }
  const read = readSruResponse(body);
  if (!read.ok) throw new SourceError('bad_reply', read.error);
  if (read.diagnostic && read.total === 0 && read.recordXml.length === 0 && !/^\s*$/.test(read.diagnostic)) {
    throw new SourceError('refused', read.diagnostic.slice(0, 300));
  }
  const records = read.recordXml.flatMap((xml) => marcXmlRecords(xml));
  return { total: read.total, records };
}
