// Copy cataloguing through the contract, against a real Zebra server on loopback that speaks both
// SRU and Z39.50 (two configured targets): candidates from each, picking one with a new barcode
// puts the book in the catalogue where search finds it at once; a second copy joins the record; no
// hits, many hits, a server down, a slow server, no network at all (the ISBN is queued and a
// retry completes it once a server answers), and the refusals staff can meet.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyLookup } from '#contract/copy-cataloguing';
import type { SearchResponse } from '#contract/catalogue';
import { retryQueued } from '../../electron/core/catalogue/copy/lookup';
import { isbnForms } from '../../electron/core/catalogue/copy/isbn-forms';
import { hashPin } from '../../electron/core/staff/pin';
import { KNOWN_BOOK, SERIES_ISBN, SERIES_VOLUMES, TWO_RECORDS_ISBN, UNKNOWN_ISBN, unionCatalogue } from '../fixtures/catalogue/union-catalogue';
import { delayingProxy, type DelayingProxy } from '../support/delaying-proxy';
import { openTestKiosk, refusal, type TestKiosk } from '../support/kiosk';
import { freePort, startZebra, type ZebraServer } from '../support/zebra';
import { fresh, kiosk as cli } from '../support/cli';

let zebra: ZebraServer;
const proxies: DelayingProxy[] = [];
beforeAll(async () => {
  zebra = await startZebra(unionCatalogue());
});
afterAll(async () => {
  for (const proxy of proxies) await proxy.close();
  await zebra?.stop();
});

type Target = Record<string, unknown>;
const sruTarget = (port: number, over: Target = {}): Target => ({
  name: 'Thư viện tỉnh (SRU)',
  protocol: 'sru',
  url: `http://127.0.0.1:${port}/Default`,
  ...over,
});
const z3950Target = (port: number, over: Target = {}): Target => ({
  name: 'Libol tỉnh (Z39.50)',
  protocol: 'z3950',
  host: '127.0.0.1',
  port,
  database: 'Default',
  ...over,
});

async function kioskWith(targets: Target[], extra: Target = {}): Promise<TestKiosk & { token: string }> {
  const t = await openTestKiosk({
    configure: (dir) =>
      writeFileSync(
        join(dir, 'kiosk.config.json'),
        JSON.stringify({
          library: { name: 'Thư viện xã Thử', communeCode: '12345' },
          copyCataloguing: { targets, maxRecords: 10, retryMinutes: 10, ...extra },
        }),
      ),
  });
  t.kiosk.db
    .prepare("INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES ('NV0001', 'Cán bộ', 'staff', ?, '2026-01-01')")
    .run(await hashPin('147258'));
  const { token } = await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' });
  return { ...t, token };
}

const both = () => [sruTarget(zebra.port), z3950Target(zebra.port)];

describe('copy cataloguing against Zebra (SRU and Z39.50 targets)', () => {
  it('offers the book from both servers; picking one with a new barcode catalogues it, found by search at once; a second copy joins it', async () => {
    const t = await kioskWith(both());
    const lookup = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: `978-604-999-001-${KNOWN_BOOK.isbn.at(-1)}` });
    expect(lookup).toMatchObject({ isbn: KNOWN_BOOK.isbn, state: 'found', existing: null });
    expect(lookup.sources.map((s) => [s.protocol, s.outcome, s.hits])).toEqual([
      ['sru', 'found', 1],
      ['z3950', 'found', 1],
    ]);
    // Both servers sent the same record: it is offered once, naming both.
    expect(lookup.candidates).toHaveLength(1);
    expect(lookup.candidates[0]).toMatchObject({
      title: KNOWN_BOOK.title,
      authors: [KNOWN_BOOK.author],
      publisher: KNOWN_BOOK.publisher,
      year: KNOWN_BOOK.year,
      source: 'Thư viện tỉnh (SRU)',
      alsoFrom: ['Libol tỉnh (Z39.50)'],
    });

    const added = await t.call<{ recordId: number; joinedExisting: boolean }>('catalogue.copyAdd', {
      staffToken: t.token,
      lookupId: lookup.id,
      candidate: 0,
      barcode: 'BM000001',
      location: 'Kệ 3',
    });
    expect(added.joinedExisting).toBe(false);
    const found = await t.call<SearchResponse>('catalogue.search', { query: 'nuoi ong lay mat' });
    expect(found.results[0]).toMatchObject({ id: added.recordId, title: KNOWN_BOOK.title, isbn: KNOWN_BOOK.isbn, available: 1 });
    expect(found.results[0]!.items[0]).toMatchObject({ barcode: 'BM000001', location: 'Kệ 3', status: 'available' });
    expect((await t.call<SearchResponse>('catalogue.search', { query: KNOWN_BOOK.isbn })).results[0]?.id).toBe(added.recordId);
    // The acquisition counts as a copy added by staff, like any other.
    expect(t.kiosk.db.prepare("SELECT json_extract(payload, '$.source') AS source FROM events WHERE type = 'item.added'").all()).toEqual([
      { source: 'manual' },
    ]);

    // The lookup is done; the same ISBN again says the commune has it, and a new copy joins that record.
    expect((await t.call<{ lookups: unknown[] }>('catalogue.copyQueue', { staffToken: t.token })).lookups).toEqual([]);
    const again = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: KNOWN_BOOK.isbn });
    expect(again.id).not.toBe(lookup.id);
    expect(again.existing).toMatchObject({ recordId: added.recordId, copies: 1 });
    expect(await refusal(t.call('catalogue.copyAdd', { staffToken: t.token, lookupId: again.id, candidate: 0, barcode: 'BM000001' }))).toMatchObject({
      reason: 'barcode_taken',
    });
    const second = await t.call<{ recordId: number; joinedExisting: boolean }>('catalogue.copyAdd', {
      staffToken: t.token,
      lookupId: again.id,
      candidate: 0,
      barcode: 'BM000002',
    });
    expect(second).toMatchObject({ recordId: added.recordId, joinedExisting: true });
    expect((await t.call<SearchResponse>('catalogue.search', { query: KNOWN_BOOK.isbn })).results[0]?.available).toBe(2);
    expect(await refusal(t.call('catalogue.copyAdd', { staffToken: t.token, lookupId: again.id, candidate: 0, barcode: 'BM000003' }))).toMatchObject({
      reason: 'lookup_closed',
    });
  });

  it('two records of one ISBN, many hits (capped by maxRecords, the total told), and no hits', async () => {
    const t = await kioskWith(both());
    const two = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: TWO_RECORDS_ISBN });
    // Two records of one ISBN, each from both servers: two offers.
    expect(two.candidates.map((c) => c.year).sort()).toEqual([2019, 2020]);
    expect(two.candidates.map((c) => c.alsoFrom)).toEqual([['Libol tỉnh (Z39.50)'], ['Libol tỉnh (Z39.50)']]);
    const many = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: SERIES_ISBN });
    expect(many.sources.map((s) => s.hits)).toEqual([SERIES_VOLUMES, SERIES_VOLUMES]);
    expect(many.candidates).toHaveLength(10);
    // An older book printing its ISBN-10 finds the union catalogue's ISBN-13 record.
    const ten = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: isbnForms(KNOWN_BOOK.isbn)[1]! });
    expect(ten.candidates.map((c) => c.title)).toEqual([KNOWN_BOOK.title]);
    const none = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: UNKNOWN_ISBN });
    expect(none).toMatchObject({ state: 'none', candidates: [] });
    expect(none.sources.map((s) => s.outcome)).toEqual(['none', 'none']);
    expect(none.sources[0]!.message).toBe('Thư viện tỉnh (SRU): không có bản ghi nào với ISBN này.');
  });

  it("one server down or slow: the other's records are offered, and each server says what happened", async () => {
    const slow = await delayingProxy(zebra.port, 4000);
    proxies.push(slow);
    const down = await freePort();
    const t = await kioskWith([sruTarget(down), z3950Target(slow.port, { timeoutSeconds: 1 }), z3950Target(zebra.port, { name: 'Koha huyện' })]);
    const lookup = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: KNOWN_BOOK.isbn });
    expect(lookup.state).toBe('found');
    expect(lookup.sources.map((s) => s.outcome)).toEqual(['unreachable', 'timeout', 'found']);
    expect(lookup.sources[1]!.message).toBe('Libol tỉnh (Z39.50): không trả lời trong 1 giây (máy chủ chậm hoặc mạng chậm).');
    expect(lookup.candidates.map((c) => c.source)).toEqual(['Koha huyện']);
  });

  it('with no network the ISBN is queued, not retried before its time, and completed by the retry once a server answers', async () => {
    const port = await freePort();
    const t = await kioskWith([sruTarget(port), z3950Target(port)]);
    const changes: unknown[] = [];
    t.kiosk.ctx.bus.on('catalogue.copyQueueChanged', (payload) => changes.push(payload));
    const queued = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: KNOWN_BOOK.isbn });
    expect(queued).toMatchObject({ state: 'queued', candidates: [], attempts: 1, nextAttemptAt: new Date(t.clock.now() + 10 * 60_000).toISOString() });
    expect(queued.sources.map((s) => s.outcome)).toEqual(['unreachable', 'unreachable']);
    // Scanning it again while offline does not list it twice.
    expect((await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: KNOWN_BOOK.isbn })).id).toBe(queued.id);
    const queue = await t.call<{ lookups: { id: number; state: string }[] }>('catalogue.copyQueue', { staffToken: t.token });
    expect(queue.lookups).toMatchObject([{ id: queued.id, state: 'queued', attempts: 2 }]);

    // The network comes back (something answers on that port now).
    proxies.push(await delayingProxy(zebra.port, 0, port));
    t.clock.advance(9 * 60_000);
    expect(await retryQueued(t.kiosk.ctx, { dueOnly: true })).toMatchObject({ tried: 0, stillQueued: 1 });
    t.clock.advance(2 * 60_000);
    expect(await retryQueued(t.kiosk.ctx, { dueOnly: true })).toEqual({ tried: 1, answered: 1, stillQueued: 0 });
    expect(changes).toEqual([{ queued: 0, answered: 1 }]);
    const done = await t.call<CopyLookup>('catalogue.copyLookupShow', { staffToken: t.token, lookupId: queued.id });
    expect(done).toMatchObject({ state: 'found', attempts: 3 });
    expect(done.candidates).toHaveLength(1);
    await t.call('catalogue.copyAdd', { staffToken: t.token, lookupId: queued.id, candidate: 0, barcode: 'BM000010' });
    expect((await t.call<SearchResponse>('catalogue.search', { query: KNOWN_BOOK.isbn })).results).toHaveLength(1);
  });

  it('staff retry the queue by hand and discard a lookup', async () => {
    const port = await freePort();
    const t = await kioskWith([z3950Target(port)]);
    const queued = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: UNKNOWN_ISBN });
    expect(await t.call('catalogue.copyRetry', { staffToken: t.token })).toEqual({ tried: 1, answered: 0, stillQueued: 1 });
    expect(await t.call('catalogue.copyDiscard', { staffToken: t.token, lookupId: queued.id })).toEqual({ discarded: true });
    expect(await t.call('catalogue.copyDiscard', { staffToken: t.token, lookupId: queued.id })).toEqual({ discarded: false });
    expect((await t.call<{ lookups: unknown[] }>('catalogue.copyQueue', { staffToken: t.token })).lookups).toEqual([]);
    expect(await refusal(t.call('catalogue.copyAdd', { staffToken: t.token, lookupId: queued.id, candidate: 0, barcode: 'BM1' }))).toMatchObject({
      reason: 'lookup_closed',
    });
  });

  it('refuses a wrong ISBN, a bad barcode, a missing lookup, and says when no server is configured', async () => {
    const t = await kioskWith(both());
    expect(await refusal(t.call('catalogue.copyLookup', { staffToken: t.token, isbn: '978-604-999-001-0' }))).toMatchObject({ reason: 'invalid_isbn' });
    expect(await refusal(t.call('catalogue.copyLookup', { staffToken: t.token, isbn: 'sách' }))).toMatchObject({ reason: 'invalid_isbn' });
    const lookup = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: KNOWN_BOOK.isbn });
    expect(await refusal(t.call('catalogue.copyAdd', { staffToken: t.token, lookupId: lookup.id, candidate: 0, barcode: 'mã vạch; DROP' }))).toMatchObject({
      code: 'invalid_request',
    });
    expect(await refusal(t.call('catalogue.copyAdd', { staffToken: t.token, lookupId: lookup.id, candidate: 9, barcode: 'BM9' }))).toMatchObject({
      reason: 'candidate_not_found',
    });
    expect(await refusal(t.call('catalogue.copyLookupShow', { staffToken: t.token, lookupId: 999 }))).toMatchObject({ reason: 'lookup_not_found' });
    expect(await refusal(t.call('catalogue.copyLookup', { isbn: KNOWN_BOOK.isbn }))).toMatchObject({ code: 'invalid_request' });
    const none = await kioskWith([]);
    expect(await refusal(none.call('catalogue.copyLookup', { staffToken: none.token, isbn: KNOWN_BOOK.isbn }))).toMatchObject({ reason: 'no_copy_targets' });
  });

  it('a Z39.50 server that asks for an account: the right one is let in; a wrong one, or none, is refused with a sentence', async () => {
    const guarded = await startZebra(unionCatalogue(), { accounts: { thuvienxa: 'mat-khau-2026' } });
    try {
      const t = await kioskWith([
        z3950Target(guarded.port, { name: 'Có tài khoản', user: 'thuvienxa', password: 'mat-khau-2026' }),
        z3950Target(guarded.port, { name: 'Sai mật khẩu', user: 'thuvienxa', password: 'sai' }),
        z3950Target(guarded.port, { name: 'Không tài khoản' }),
      ]);
      const lookup = await t.call<CopyLookup>('catalogue.copyLookup', { staffToken: t.token, isbn: KNOWN_BOOK.isbn });
      expect(lookup.sources.map((s) => [s.name, s.outcome])).toEqual([
        ['Có tài khoản', 'found'],
        ['Sai mật khẩu', 'refused'],
        ['Không tài khoản', 'refused'],
      ]);
      expect(lookup.sources[1]!.message).toContain('the account (user, password) was not accepted');
      expect(lookup.sources[1]!.message).toContain('Hãy báo kỹ thuật viên');
      expect(lookup.candidates.map((c) => [c.title, c.source])).toEqual([[KNOWN_BOOK.title, 'Có tài khoản']]);
    } finally {
      await guarded.stop();
    }
  });

  it('from the CLI: lists the candidates, then catalogues the one picked; bad options are refused with what to do', () => {
    const dir = fresh();
    writeFileSync(
      join(dir, 'kiosk.config.json'),
      JSON.stringify({ library: { name: 'Thư viện xã Thử', communeCode: '12345' }, copyCataloguing: { targets: both() } }),
    );
    const listed = cli('catalogue', 'copy', TWO_RECORDS_ISBN, '--data-dir', dir);
    expect(listed.code).toBe(0);
    // Two records, each sent by both servers: two lines, each naming both.
    expect(listed.stdout).toContain('[2] ');
    expect(listed.stdout).not.toContain('[3] ');
    expect(listed.stdout).toContain('(nguồn: Thư viện tỉnh (SRU), Libol tỉnh (Z39.50))');
    expect(listed.stdout).toContain('Libol tỉnh (Z39.50): có 2 bản ghi.');
    const added = cli('catalogue', 'copy', TWO_RECORDS_ISBN, '--pick', '2', '--barcode', 'BM000100', '--data-dir', dir, '--json');
    expect(added.code).toBe(0);
    expect(added.json().added).toMatchObject({ barcode: 'BM000100', joinedExisting: false });
    expect(cli('catalogue', 'copy', TWO_RECORDS_ISBN, '--pick', '1', '--data-dir', dir).stderr).toContain('--pick và --barcode phải đi cùng nhau');
  });
});
