// The copy-cataloguing clients (SRU and Z39.50) against a real Zebra server on loopback: one, two,
// many and no records by ISBN in both protocols and both Z39.50 record syntaxes; a server that is
// down; a slow server (a loopback proxy in this file that holds every byte back); a server that
// answers something else. The answers are checked against yaz-client's on the same server.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapMarcRecord } from '../../electron/core/catalogue/marc-map';
import { sruSearchIsbn, type SruTarget } from '../../electron/core/catalogue/copy/sru-client';
import { z3950SearchIsbn, type Z3950Target } from '../../electron/core/catalogue/copy/z3950-client';
import { SourceError } from '../../electron/core/catalogue/copy/source-error';
import { isbnForms } from '../../electron/core/catalogue/copy/isbn-forms';
import { KNOWN_BOOK, SERIES_ISBN, SERIES_VOLUMES, TWO_RECORDS_ISBN, UNKNOWN_ISBN, unionCatalogue } from '../fixtures/catalogue/union-catalogue';
import { freePort, startZebra, yazClient, type ZebraServer } from '../support/zebra';
import { delayingProxy, type DelayingProxy } from '../support/delaying-proxy';

let zebra: ZebraServer;
let slow: DelayingProxy;
let silent: Server;
let silentPort: number;
beforeAll(async () => {
  zebra = await startZebra(unionCatalogue());
  slow = await delayingProxy(zebra.port, 3000);
  // Accepts connections and never says anything (a hung server, or HTTP on a Z39.50 port).
  silent = createServer((socket) => socket.on('data', () => undefined));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  await slow?.close();
  silent?.close();
  await zebra?.stop();
});

const z3950 = (over: Partial<Z3950Target> = {}): Z3950Target => ({
  host: '127.0.0.1',
  port: zebra.port,
  database: zebra.database,
  recordSyntax: 'usmarc',
  elementSetName: 'F',
  ...over,
});
const sru = (over: Partial<SruTarget> = {}): SruTarget => ({ url: zebra.sruUrl, version: '1.2', recordSchema: 'marcxml', isbnIndex: 'bath.isbn', ...over });
const fast = { timeoutMs: 5000, maxRecords: 20, version: 'test' };
const titles = (records: Parameters<typeof mapMarcRecord>[0][]) =>
  records.map((r, i) => {
    const m = mapMarcRecord(r, i + 1);
    return m.ok ? m.record.title : '?';
  });

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected the lookup to fail');
}

describe.each([
  ['Z39.50 (USMARC)', (isbn: string | string[], max = 20) => z3950SearchIsbn(z3950(), isbn, { ...fast, maxRecords: max })],
  [
    'Z39.50 (MARCXML)',
    (isbn: string | string[], max = 20) => z3950SearchIsbn(z3950({ recordSyntax: 'marcxml', elementSetName: 'marcxml' }), isbn, { ...fast, maxRecords: max }),
  ],
  ['SRU', (isbn: string | string[], max = 20) => sruSearchIsbn(sru(), isbn, { ...fast, maxRecords: max })],
])('%s against Zebra', (_name, search) => {
  it('finds the one record of a book, in Vietnamese as catalogued', async () => {
    const answer = await search(KNOWN_BOOK.isbn);
    expect(answer.total).toBe(1);
    const mapped = mapMarcRecord(answer.records[0]!, 1);
    expect(mapped.ok && mapped.record).toMatchObject({
      title: KNOWN_BOOK.title,
      authors: [KNOWN_BOOK.author],
      publisher: KNOWN_BOOK.publisher,
      year: KNOWN_BOOK.year,
      isbn: KNOWN_BOOK.isbn,
    });
  });

  it('finds both records of an ISBN two libraries catalogued, as yaz-client does', async () => {
    const answer = await search(TWO_RECORDS_ISBN);
    expect(answer.total).toBe(yazClient(zebra, `@attr 1=7 ${TWO_RECORDS_ISBN}`).hits);
    expect(titles(answer.records).sort()).toEqual(['Dế Mèn phiêu lưu ký', 'Dế Mèn phiêu lưu ký : truyện dài']);
  });

  it('many hits: counts them all and brings back at most maxRecords', async () => {
    const answer = await search(SERIES_ISBN, 12);
    expect(answer.total).toBe(SERIES_VOLUMES);
    expect(answer.records).toHaveLength(12);
    expect(new Set(titles(answer.records)).size).toBe(12);
  });

  it('a book asked by its ISBN-10 is found under its ISBN-13 (both forms asked at once)', async () => {
    const forms = isbnForms(KNOWN_BOOK.isbn);
    expect((await search(forms[1]!)).total).toBe(0);
    expect((await search(isbnForms(forms[1]!))).total).toBe(1);
  });

  it('no hits', async () => {
    expect(await search(UNKNOWN_ISBN)).toEqual({ total: 0, records: [] });
  });
});

describe('servers that do not answer', () => {
  it('a port nobody listens on is unreachable, at once, in both protocols', async () => {
    const port = await freePort();
    expect((await failure(z3950SearchIsbn(z3950({ port }), KNOWN_BOOK.isbn, fast))).failure).toBe('unreachable');
    expect((await failure(sruSearchIsbn(sru({ url: `http://127.0.0.1:${port}/Default` }), KNOWN_BOOK.isbn, fast))).failure).toBe('unreachable');
  });

  it('a slow server times out after the target timeout in both protocols, and answers when given the time', async () => {
    const slowZ = z3950({ port: slow.port });
    const slowSru = sru({ url: `http://127.0.0.1:${slow.port}/Default` });
    expect((await failure(z3950SearchIsbn(slowZ, KNOWN_BOOK.isbn, { ...fast, timeoutMs: 400 }))).failure).toBe('timeout');
    expect((await failure(sruSearchIsbn(slowSru, KNOWN_BOOK.isbn, { ...fast, timeoutMs: 400 }))).failure).toBe('timeout');
    slow.setDelay(50);
    expect((await z3950SearchIsbn(slowZ, KNOWN_BOOK.isbn, fast)).total).toBe(1);
    expect((await sruSearchIsbn(slowSru, KNOWN_BOOK.isbn, fast)).total).toBe(1);
    slow.setDelay(3000);
  });

  it('a server that accepts and says nothing times out', async () => {
    expect((await failure(z3950SearchIsbn(z3950({ port: silentPort }), KNOWN_BOOK.isbn, { ...fast, timeoutMs: 300 }))).failure).toBe('timeout');
  });

  it('an SRU address that is not an SRU server, and a Z39.50 database that does not exist, are told apart from a network failure', async () => {
    expect(
      (await failure(sruSearchIsbn(sru({ url: `http://127.0.0.1:${zebra.port}/Default`, isbnIndex: 'no.such.index' }), KNOWN_BOOK.isbn, fast))).failure,
    ).toBe('refused');
    expect((await failure(z3950SearchIsbn(z3950({ database: 'KhongCo' }), KNOWN_BOOK.isbn, fast))).failure).toBe('refused');
  });
});
