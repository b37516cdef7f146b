// A Z39.50 client for one ISBN: connect, Init, Search (Type-1, bib-1 use attribute 7), Present
// the first records in USMARC or XML, close. One deadline covers the whole exchange, so a server
// that accepts the connection and then says nothing costs staff `timeoutMs`, never more.
import { createConnection, type Socket } from 'node:net';
import type { MarcRecord } from '../marc';
import { pduLength } from './ber';
import { recordsOf } from './records';
import { networkFailure, SourceError } from './source-error';
import { initRequest, MAX_MESSAGE_BYTES, OID, presentRequest, readPdu, searchRequest, type Pdu } from './z3950-pdu';

export interface Z3950Target {
  host: string;
  port: number;
  database: string;
  recordSyntax: 'usmarc' | 'marcxml' | 'unimarc';
  elementSetName: string;
  user?: string;
  password?: string;
}

export interface SourceAnswer {
  /** Records the server found (may be more than it sent). */
  total: number;
  records: MarcRecord[];
}

export const BIB1_USE_ISBN = 7;

/** Reads PDUs off a socket one at a time. */
function pduReader(socket: Socket) {
  let buffer = new Uint8Array(0);
  let waiting: { resolve: (pdu: Pdu) => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = undefined;
  };
  const pump = () => {
    if (!waiting) return;
    const length = pduLength(buffer, MAX_MESSAGE_BYTES);
    if (length === 'bad') return fail(new SourceError('bad_reply', 'octets that are not BER, or a message larger than agreed in Init'));
    if (length === 'more') {
      if (buffer.length > MAX_MESSAGE_BYTES + 16) fail(new SourceError('bad_reply', 'a message larger than agreed in Init'));
      return;
    }
    const read = readPdu(buffer.subarray(0, length));
    buffer = buffer.slice(length);
    const current = waiting;
    waiting = undefined;
    if (read.ok) current.resolve(read.pdu);
    else current.reject(new SourceError('bad_reply', read.error));
  };
  socket.on('data', (chunk: Buffer) => {
    const next = new Uint8Array(buffer.length + chunk.length);
    next.set(buffer);
    next.set(chunk, buffer.length);
    buffer = next;
    pump();
  });
  socket.on('error', (error) => fail(networkFailure(error)));
  socket.on('close', () => fail(new SourceError('bad_reply', 'the server closed the connection')));
  return {
    next(): Promise<Pdu> {
      return new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        waiting = { resolve, reject };
        pump();
      });
    },
    fail,
  };
}

async function expect<K extends Pdu['kind']>(reader: ReturnType<typeof pduReader>, kind: K): Promise<Extract<Pdu, { kind: K }>> {
  const pdu = await reader.next();
  if (pdu.kind === 'close') throw new SourceError('refused', `the server closed the association (reason ${pdu.reason})`);
  if (pdu.kind !== kind) throw new SourceError('bad_reply', `expected ${kind}, got ${pdu.kind}`);
  return pdu as Extract<Pdu, { kind: K }>;
}

/** `isbn`: one ISBN, or the forms of one book's ISBN (any of them matches). */
export async function z3950SearchIsbn(
  target: Z3950Target,
  isbn: string | readonly string[],
  options: { timeoutMs: number; maxRecords: number; version: string },
): Promise<SourceAnswer> {
  const socket = createConnection({ host: target.host, port: target.port });
  socket.setNoDelay(true);
  const reader = pduReader(socket);
  const timer = setTimeout(() => {
    reader.fail(new SourceError('timeout', `no answer within ${options.timeoutMs} ms`));
    socket.destroy();
  }, options.timeoutMs);
  const syntax = { usmarc: OID.usmarc, marcxml: OID.xml, unimarc: OID.unimarc }[target.recordSyntax];
  const account = target.user !== undefined && target.password !== undefined ? { user: target.user, password: target.password } : undefined;
  try {
    socket.write(initRequest(options.version, account));
    const init = await expect(reader, 'initResponse');
    if (!init.accepted)
      throw new SourceError(
        'refused',
        account ? 'Init rejected: the account (user, password) was not accepted' : 'Init rejected (the server may need a user name)',
      );
    socket.write(searchRequest(target.database, BIB1_USE_ISBN, typeof isbn === 'string' ? [isbn] : isbn, syntax));
    const search = await expect(reader, 'searchResponse');
    if (!search.success) throw new SourceError('refused', `search failed: ${search.diagnostic ?? 'no diagnostic'}`);
    if (search.count === 0) return { total: 0, records: [] };
    socket.write(presentRequest(Math.min(search.count, options.maxRecords), target.elementSetName, syntax));
    const present = await expect(reader, 'presentResponse');
    if (present.diagnostic && present.records.length === 0) throw new SourceError('refused', `present failed: ${present.diagnostic}`);
    return { total: search.count, records: recordsOf(present.records) };
  } catch (error) {
    throw networkFailure(error);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}
