// How far a search counts: the page asked for and one page more (countedFor in search.ts). The
// pages themselves must be those a full count would give, in the same order.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCatalogueFile } from '../../electron/core/catalogue/import';
import { CANDIDATE_CAP, searchCatalogue } from '../../electron/core/catalogue/search';
import { openDatabase } from '../../electron/core/store/open';
import { tempDir } from '../support/temp-dir';
import { mrcOf, sampleRecords } from '../unit/catalogue/fixtures';

const dir = tempDir('kiosk-search-count-');
const db = openDatabase(join(dir.path, 'kiosk.sqlite'));
afterAll(() => {
  db.close();
  dir.remove();
});

describe('search counts as far as the screen can page', () => {
  it('counts a page and one more, says there are more, and gives the same pages as a full count', async () => {
    const records = sampleRecords(3000, 21).map((r, i) => (i % 50 === 7 ? { ...r, title: `Sổ tay nuôi ong mật. Tập ${i}` } : r));
    // Every 50th record from the 8th: 60 titles with "ong mật", plus those that mention it elsewhere.
    await importCatalogueFile(db, { now: () => Date.parse('2026-11-23T08:00:00Z') }, mrcOf(records), { fileName: 'ong.mrc', target: 'catalogue' });

    const full = searchCatalogue(db, 'ong mật', { limit: 100 });
    expect(full.total).toBeGreaterThanOrEqual(60);
    expect(full.total).toBeLessThanOrEqual(CANDIDATE_CAP);

    const first = searchCatalogue(db, 'ong mật', { limit: 20 });
    expect(first).toMatchObject({ total: 40, more: true });
    expect(first.results.map((r) => r.id)).toEqual(full.results.slice(0, 20).map((r) => r.id));
    const second = searchCatalogue(db, 'ong mật', { limit: 20, offset: 20 });
    expect(second).toMatchObject({ total: 60, more: true });
    expect(second.results.map((r) => r.id)).toEqual(full.results.slice(20, 40).map((r) => r.id));
    // Typed without diacritics: the same books (the exact tiers are skipped, the folded ones rank).
    expect(searchCatalogue(db, 'ong mat', { limit: 20 }).results).toHaveLength(20);
  });

  it('gives the exact count when everything fits in what it counts', () => {
    const few = searchCatalogue(db, 'nuôi ong mật tập 1', { limit: 20 });
    const full = searchCatalogue(db, 'nuôi ong mật tập 1', { limit: 100 });
    expect(full.more).toBe(false);
    expect(few).toMatchObject({ more: false, total: full.total });
    expect(few.results.map((r) => r.id)).toEqual(full.results.slice(0, 20).map((r) => r.id));
  });
});
