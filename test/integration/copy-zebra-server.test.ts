// The copy-cataloguing test server itself (test/support/zebra.ts): a real Zebra loaded with the
// generated union catalogue answers Z39.50 and SRU on one loopback port, checked with Index Data's
// own yaz-client, so the kiosk's clients are tested against a server known to be right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_BOOK, SERIES_ISBN, SERIES_VOLUMES, TWO_RECORDS_ISBN, UNKNOWN_ISBN, unionCatalogue } from '../fixtures/catalogue/union-catalogue';
import { startZebra, yazClient, type ZebraServer } from '../support/zebra';

let zebra: ZebraServer;
beforeAll(async () => {
  zebra = await startZebra(unionCatalogue());
});
afterAll(async () => {
  await zebra?.stop();
});

describe('the local Zebra server', () => {
  it('answers yaz-client over Z39.50: one, two, many and no records by ISBN (bib-1 use attribute 7)', () => {
    expect(yazClient(zebra, `@attr 1=7 ${KNOWN_BOOK.isbn}`).hits).toBe(1);
    expect(yazClient(zebra, `@attr 1=7 ${TWO_RECORDS_ISBN}`).hits).toBe(2);
    expect(yazClient(zebra, `@attr 1=7 ${SERIES_ISBN}`).hits).toBe(SERIES_VOLUMES);
    expect(yazClient(zebra, `@attr 1=7 ${UNKNOWN_ISBN}`).hits).toBe(0);
    const shown = yazClient(zebra, `@attr 1=7 ${KNOWN_BOOK.isbn}`, 1).output;
    expect(shown).toContain(KNOWN_BOOK.title);
    expect(shown).toContain(KNOWN_BOOK.author);
  });

  it('answers SRU searchRetrieve on the same port with MARCXML in UTF-8', async () => {
    const url = `${zebra.sruUrl}?version=1.2&operation=searchRetrieve&query=${encodeURIComponent(`bath.isbn=${TWO_RECORDS_ISBN}`)}&recordSchema=marcxml&maximumRecords=10`;
    const text = await (await fetch(url)).text();
    expect(text).toContain('<zs:numberOfRecords>2</zs:numberOfRecords>');
    expect(text).toContain('Dế Mèn phiêu lưu ký');
    expect(text).toContain('http://www.loc.gov/MARC21/slim');
  });
});
