// A real Z39.50 + SRU server for copy-cataloguing tests and benchmarks: Index Data's Zebra (Debian
// idzebra-2.0), in a temp directory, loaded with MARC21 records by `zebraidx`, listening on one
// loopback port. zebrasrv answers Z39.50 (BER over TCP) and SRU (HTTP GET) on the same port; SRU's
// CQL is mapped to bib-1 by cql2pqf.txt (bath.isbn → use attribute 7, as Koha maps it), and MARCXML
// is made from the stored USMARC by YAZ's record conversion (retrievalinfo).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { writeIso2709 } from '../../electron/core/catalogue/iso2709';
import type { MarcRecord } from '../../electron/core/catalogue/marc';
import { tempDir } from './temp-dir';

export interface ZebraServer {
  host: string;
  port: number;
  /** The database name Zebra serves (its default). */
  database: string;
  /** SRU base URL (HTTP on the same port). */
  sruUrl: string;
  dir: string;
  stop(): Promise<void>;
}

/** A marc21.abs reduced to what the tests search, plus 020 $a → ISBN (bib-1 use 7), which Zebra's own lacks. */
const ABS = `name marc21
encoding utf-8
attset bib1.att
esetname F @
esetname B @
marc usmarc.mar
xpath disable
all any
melm 020$a\t\tISBN:w
melm 100\t\tauthor,author:p
melm 245\t\ttitle,title:p
melm 260$b\t\tpublisher
melm 650\t\tsubject-heading
melm 700$a\t\tauthor
`;

const ZEBRA_CFG = `profilePath: .:/usr/share/idzebra-2.0/tab
attset: bib1.att
attset: explain.att
recordType: grs.marcxml.kiosk
encoding: utf-8
register: reg:200M
lockDir: lock
keyTmpDir: tmp
`;

const CQL2PQF = `set.cql = info:srw/cql-context-set/1/cql-v1.2
set.bath = http://zing.z3950.org/cql/bath/2.0/
set.dc = info:srw/cql-context-set/1/dc-v1.1
index.cql.serverChoice = 1=1016
index.bath.isbn = 1=7
index.dc.identifier = 1=7
index.dc.title = 1=4
index.dc.creator = 1=1003
relation.= = 2=3
relation.scr = 2=3
relation.eq = 2=3
position.any = 3=3 6=1
structure.* = 4=2
truncation.right = 5=1
truncation.none = 5=100
`;

const yazgfs = (port: number) => `<yazgfs>
  <listen id="loopback">tcp:127.0.0.1:${port}</listen>
  <server id="main" listenref="loopback">
    <config>zebra.cfg</config>
    <cql2rpn>cql2pqf.txt</cql2rpn>
    <retrievalinfo>
      <retrieval syntax="usmarc" name="F"/>
      <retrieval syntax="usmarc"/>
      <retrieval syntax="xml" name="marcxml" identifier="info:srw/schema/1/marcxml-v1.1">
        <backend syntax="usmarc" name="F">
          <marc inputformat="marc" outputformat="marcxml" inputcharset="utf-8" outputcharset="utf-8"/>
        </backend>
      </retrieval>
    </retrievalinfo>
  </server>
</yazgfs>
`;

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function zebraidx(dir: string, ...args: string[]): void {
  const run = spawnSync('zebraidx', ['-c', 'zebra.cfg', ...args], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`zebraidx ${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr.slice(-2000)}`);
}

/**
 * Indexes `records` and starts zebrasrv on a free loopback port; `stop()` ends it and removes the
 * directory. With `accounts`, Zebra checks Init's user and password against them (its passwd file)
 * and refuses anyone else, anonymous included.
 */
export async function startZebra(records: MarcRecord[], options: { accounts?: Record<string, string> } = {}): Promise<ZebraServer> {
  const temp = tempDir('kiosk-zebra-');
  const dir = temp.path;
  for (const sub of ['reg', 'lock', 'tmp']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'kiosk.abs'), ABS);
  const accounts = Object.entries(options.accounts ?? {});
  writeFileSync(join(dir, 'passwd.txt'), accounts.map(([user, password]) => `${user}:${password}\n`).join(''));
  const permissions = accounts.map(([user]) => `perm.${user}: r\n`).join('');
  writeFileSync(join(dir, 'zebra.cfg'), accounts.length ? `${ZEBRA_CFG}passwd: passwd.txt\n${permissions}` : ZEBRA_CFG);
  writeFileSync(join(dir, 'cql2pqf.txt'), CQL2PQF);
  writeFileSync(join(dir, 'records.mrc'), writeIso2709(records));
  zebraidx(dir, 'init');
  zebraidx(dir, 'update', 'records.mrc');
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort();
    writeFileSync(join(dir, 'yazgfs.xml'), yazgfs(port));
    // Its own process group, so stop() also ends the children zebrasrv forks per connection.
    const started = spawn('zebrasrv', ['-f', 'yazgfs.xml', '-l', 'zebrasrv.log'], { cwd: dir, stdio: 'ignore', detached: true });
    let exited = false;
    started.once('exit', () => (exited = true));
    for (let i = 0; i < 100 && !exited; i++) {
      if (await accepts(port)) {
        child = started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!child && !exited) process.kill(-started.pid!, 'SIGKILL');
  }
  if (!child) throw new Error(`zebrasrv did not start (see ${join(dir, 'zebrasrv.log')})`);
  const server = child;
  return {
    host: '127.0.0.1',
    port,
    database: 'Default',
    sruUrl: `http://127.0.0.1:${port}/Default`,
    dir,
    async stop() {
      if (server.exitCode === null) {
        const gone = new Promise((resolve) => server.once('exit', resolve));
        process.kill(-server.pid!, 'SIGTERM');
        await gone;
      }
      temp.remove();
    },
  };
}

/** What Index Data's own client says to `find` + `show` for one bib-1 query on this server (the cross-check). */
export function yazClient(zebra: ZebraServer, query: string, show = 0): { hits: number | null; output: string } {
  const commands = [
    `open tcp:${zebra.host}:${zebra.port}/${zebra.database}`,
    `find ${query}`,
    ...(show ? ['format usmarc', `show 1+${show}`] : []),
    'quit',
    '',
  ].join('\n');
  const run = spawnSync('yaz-client', [], { input: commands, encoding: 'utf8', timeout: 15_000 });
  const match = /Number of hits: (\d+)/.exec(run.stdout);
  return { hits: match ? Number(match[1]) : null, output: run.stdout };
}
