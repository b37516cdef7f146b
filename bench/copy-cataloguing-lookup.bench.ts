// Copy-cataloguing lookup as staff make it: `catalogue.copyLookup` over the host's WebSocket
// (dist/host.mjs, the page's entry point) with two targets configured on a local Zebra, one SRU and
// one Z39.50, asked at once. Beside it in the same run: Index Data's yaz-client doing the same
// Z39.50 search and fetching the same records (a process per lookup, as a technician runs it),
// and the kiosk's Z39.50 and SRU clients alone. Goal (issue #17): lookup p95 under 300 ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sruSearchIsbn } from '../electron/core/catalogue/copy/sru-client';
import { z3950SearchIsbn } from '../electron/core/catalogue/copy/z3950-client';
import { hashPin } from '../electron/core/staff/pin';
import { generateCatalogue } from '../electron/core/demo/catalogue-generator';
import { KNOWN_BOOK, SERIES_ISBN, TWO_RECORDS_ISBN, UNKNOWN_ISBN, unionCatalogue } from '../test/fixtures/catalogue/union-catalogue';
import { startZebra } from '../test/support/zebra';
import { ratio, summarise, writeResult } from './harness';
import { openApi, startHost } from './kiosk-process';

const LOOKUPS = Number(process.env.COPY_LOOKUPS ?? 100);
const MAX_RECORDS = 20;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// The ISBNs asked, in turn: one record, two records, a series of 30 (20 fetched), no record, and ordinary books.
const ordinary = generateCatalogue(200, 17_005).map((r) => r.isbn);
const isbns = Array.from(
  { length: LOOKUPS },
  (_, i) => [KNOWN_BOOK.isbn, TWO_RECORDS_ISBN, SERIES_ISBN, UNKNOWN_ISBN][i % 5] ?? ordinary[i % ordinary.length]!,
);

const zebra = await startZebra(unionCatalogue());
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-copy-'));
try {
  writeFileSync(
    join(dataDir, 'kiosk.config.json'),
    JSON.stringify({
      library: { name: 'Thư viện xã Thử', communeCode: '12345' },
      copyCataloguing: {
        maxRecords: MAX_RECORDS,
        targets: [
          { name: 'SRU', protocol: 'sru', url: zebra.sruUrl },
          { name: 'Z39.50', protocol: 'z3950', host: zebra.host, port: zebra.port, database: zebra.database },
        ],
      },
    }),
  );
  spawnSync(process.execPath, [join(dist, 'cli.mjs'), 'db', 'migrate', '--data-dir', dataDir], { stdio: 'ignore' });
  const db = new Database(join(dataDir, 'kiosk.sqlite'));
  db.prepare("INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES ('NV0001', 'Cán bộ', 'staff', ?, '2026-01-01')").run(
    await hashPin('147258'),
  );
  db.close();

  const host = await startHost(join(dist, 'host.mjs'), ['--data-dir', dataDir]);
  const kioskMs: number[] = [];
  let candidates = 0;
  try {
    const api = await openApi(host);
    const signIn = await api.call('staff.signIn', { card: 'NV0001', pin: '147258' });
    const staffToken = (signIn.value as { token: string }).token;
    for (const isbn of isbns.slice(0, 5)) await api.call('catalogue.copyLookup', { staffToken, isbn }); // warm-up
    for (const isbn of isbns) {
      const started = performance.now();
      const reply = await api.call('catalogue.copyLookup', { staffToken, isbn });
      kioskMs.push(performance.now() - started);
      if (!reply.ok) throw new Error(`lookup failed: ${JSON.stringify(reply.error)}`);
      candidates += (reply.value as { candidates: unknown[] }).candidates.length;
    }
  } finally {
    await host.stop();
  }

  // The peer: yaz-client, one process per lookup, same search (bib-1 use 7) and the same records shown.
  const yazMs: number[] = [];
  for (const isbn of isbns) {
    const input = `open tcp:${zebra.host}:${zebra.port}/${zebra.database}\nfind @attr 1=7 ${isbn}\nformat usmarc\nshow 1+${MAX_RECORDS}\nquit\n`;
    const started = performance.now();
    const run = spawnSync('yaz-client', [], { input, encoding: 'utf8' });
    yazMs.push(performance.now() - started);
    if (!/Number of hits: \d+/.test(run.stdout)) throw new Error(`yaz-client did not search: ${run.stdout.slice(0, 500)}`);
  }

  // The kiosk's clients alone (no host, no store), each protocol.
  const z3950Ms: number[] = [];
  const sruMs: number[] = [];
  for (const isbn of isbns) {
    let started = performance.now();
    await z3950SearchIsbn({ host: zebra.host, port: zebra.port, database: zebra.database, recordSyntax: 'usmarc', elementSetName: 'F' }, isbn, {
      timeoutMs: 5000,
      maxRecords: MAX_RECORDS,
      version: 'bench',
    });
    z3950Ms.push(performance.now() - started);
    started = performance.now();
    await sruSearchIsbn({ url: zebra.sruUrl, version: '1.2', recordSchema: 'marcxml', isbnIndex: 'bath.isbn' }, isbn, {
      timeoutMs: 5000,
      maxRecords: MAX_RECORDS,
    });
    sruMs.push(performance.now() - started);
  }

  const kiosk = summarise(kioskMs, 1);
  const yaz = summarise(yazMs, 1);
  writeResult({
    name: 'copy-cataloguing-lookup',
    description: `catalogue.copyLookup over the host's WebSocket (SRU + Z39.50 targets on a local Zebra, asked at once, records mapped and stored), ${LOOKUPS} lookups of 1, 2, 30 (${MAX_RECORDS} fetched), 0 and ordinary hits; beside yaz-client (a process per lookup: connect, find @attr 1=7, show ${MAX_RECORDS}) and the kiosk's clients alone`,
    unit: 'ms',
    target: { metric: 'kiosk.p95', limit: 300, met: kiosk.p95 < 300 },
    figures: {
      kiosk,
      yazClient: yaz,
      z3950ClientAlone: summarise(z3950Ms, 1),
      sruClientAlone: summarise(sruMs, 1),
      kioskP95OverYaz: ratio(kiosk.p95, yaz.p95),
      candidatesOffered: candidates,
    },
  });
} finally {
  await zebra.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
