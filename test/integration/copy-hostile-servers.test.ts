// Catalogue servers are strangers on the LAN or the internet: these loopback servers answer the
// kiosk's SRU and Z39.50 clients with what a broken or hostile server could send. Each ends as a
// typed failure (never a crash, a hang past the deadline, or memory spent on a promised gigabyte).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bits, bool, constructed, encode, int } from '../../electron/core/catalogue/copy/ber';
import { sruSearchIsbn } from '../../electron/core/catalogue/copy/sru-client';
import { SourceError } from '../../electron/core/catalogue/copy/source-error';
import { z3950SearchIsbn } from '../../electron/core/catalogue/copy/z3950-client';

const servers: (Server | HttpServer)[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function tcp(onData: (socket: Socket, chunk: Buffer) => void): Promise<number> {
  const server = createServer((socket) => {
    socket.on('data', (chunk) => onData(socket, chunk));
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

async function http(handler: Parameters<typeof createHttpServer>[1]): Promise<string> {
  const server = createHttpServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/sru`;
}

const ISBN = '9786041234567';
const z3950 = (port: number) =>
  z3950SearchIsbn({ host: '127.0.0.1', port, database: 'biblios', recordSyntax: 'usmarc', elementSetName: 'F' }, ISBN, {
    timeoutMs: 3000,
    maxRecords: 5,
    version: 'test',
  });
const sru = (url: string) => sruSearchIsbn({ url, version: '1.2', recordSchema: 'marcxml', isbnIndex: 'bath.isbn' }, ISBN, { timeoutMs: 3000, maxRecords: 5 });

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

const initResponse = (accepted: boolean) =>
  encode(constructed(21, [bits(3, [true, true, true]), bits(4, [true, true]), int(5, 65536), int(6, 65536), bool(12, accepted)]));

describe('hostile Z39.50 servers', () => {
  it('bytes that are not BER', async () => {
    const port = await tcp((socket) => socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])));
    expect((await failure(z3950(port))).failure).toBe('bad_reply');
  });

  it('a PDU announcing a gigabyte is refused at once, not waited for', async () => {
    const port = await tcp((socket) => socket.write(Buffer.from([0xb5, 0x84, 0x40, 0x00, 0x00, 0x00, 0x01])));
    const error = await failure(z3950(port));
    expect(error.failure).toBe('bad_reply');
    expect(error.detail).toContain('larger than agreed');
  });

  it('an Init refused, and a Close instead of an answer', async () => {
    const refusing = await tcp((socket) => socket.write(initResponse(false)));
    expect((await failure(z3950(refusing))).failure).toBe('refused');
    const closing = await tcp((socket) => socket.end(encode(constructed(48, [int(211, 2)]))));
    expect((await failure(z3950(closing))).failure).toBe('refused');
  });

  it('half a PDU, then the connection cut', async () => {
    const port = await tcp((socket) => {
      socket.write(initResponse(true).subarray(0, 6));
      socket.destroy();
    });
    expect((await failure(z3950(port))).failure).toMatch(/bad_reply|unreachable/);
  });

  it('an endless trickle of a valid-looking PDU ends at the deadline', async () => {
    const port = await tcp((socket) => {
      socket.write(Buffer.from([0xb5, 0x83, 0x0f, 0x00, 0x00]));
      const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(Buffer.alloc(64))), 20);
    });
    expect(
      (
        await failure(
          z3950SearchIsbn({ host: '127.0.0.1', port, database: 'x', recordSyntax: 'usmarc', elementSetName: 'F' }, ISBN, {
            timeoutMs: 500,
            maxRecords: 5,
            version: 't',
          }),
        )
      ).failure,
    ).toBe('timeout');
  });
});

describe('hostile SRU servers', () => {
  it('an HTML page, a server error, and a redirect elsewhere', async () => {
    expect((await failure(sru(await http((_, res) => res.end('<html><body>Đăng nhập</body></html>'))))).failure).toBe('bad_reply');
    expect((await failure(sru(await http((_, res) => ((res.statusCode = 500), res.end('oops')))))).failure).toBe('bad_reply');
    const redirect = await failure(sru(await http((_, res) => (res.writeHead(302, { location: 'http://203.0.113.9/login' }), res.end()))));
    expect(redirect).toMatchObject({ failure: 'bad_reply', detail: 'HTTP 302' });
  });

  it('an answer larger than the cap is cut off', async () => {
    const url = await http((_, res) => {
      const chunk = Buffer.alloc(1 << 20, 0x41);
      let sent = 0;
      const write = () => {
        while (sent < 12 && res.write(chunk)) sent++;
        if (sent < 12) res.once('drain', write);
        else res.end();
      };
      write();
    });
    expect(await failure(sru(url))).toMatchObject({ failure: 'bad_reply' });
  });

  it('entity expansion (a "billion laughs" document) is not expanded', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><searchRetrieveResponse><numberOfRecords>1</numberOfRecords><records><record><recordData>&c;</recordData></record></records></searchRetrieveResponse>`;
    expect((await failure(sru(await http((_, res) => res.end(bomb))))).failure).toBe('bad_reply');
  });

  it('markup in a record stays text', async () => {
    const record =
      '<record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader><datafield tag="245" ind1="0" ind2="0"><subfield code="a">&lt;script&gt;alert(1)&lt;/script&gt; Truyện</subfield></datafield></record>';
    const answer = await sru(
      await http((_, res) =>
        res.end(
          `<searchRetrieveResponse><numberOfRecords>1</numberOfRecords><records><record><recordData>${record}</recordData></record></records></searchRetrieveResponse>`,
        ),
      ),
    );
    expect(answer.records[0]!.fields[0]!.subfields![0]!.value).toBe('<script>alert(1)</script> Truyện');
  });
});
