// Search understands a query typed in Telex or VNI without conversion: the catalogue and the
// digital library find the same items as for the same words typed with diacritics.
import { describe, expect, it } from 'vitest';
import { openTestKiosk } from '../../support/kiosk';

interface Hits {
  total: number;
  results: { id?: number; title: string }[];
}

describe('catalogue search typed in Telex', () => {
  it.each([
    ['Kỹ thuật', 'kyx thuaajt'],
    ['Kỹ thuật', 'ky4 thua6t5'],
    ['Hướng dẫn', 'huwowngs daanx'],
    ['Hướng dẫn', 'huowngs daxn'],
    ['Lịch sử', 'lichj suwr'],
  ])('"%s" typed as "%s" finds the same books', async (diacritics, typed) => {
    const k = await openTestKiosk();
    const expected = await k.call<Hits>('catalogue.search', { query: diacritics, limit: 10 });
    const actual = await k.call<Hits>('catalogue.search', { query: typed, limit: 10 });
    expect(expected.results.length).toBeGreaterThan(0);
    expect(actual.results.map((r) => r.title)).toEqual(expected.results.map((r) => r.title));
  });

  it('still finds words that are not Telex, typed as they are', async () => {
    const k = await openTestKiosk();
    const plain = await k.call<Hits>('catalogue.search', { query: 'ky thuat', limit: 5 });
    expect(plain.results.length).toBeGreaterThan(0);
    expect(plain.results[0]!.title.toLowerCase()).toContain('kỹ thuật');
  });
});

describe('digital library search typed in Telex', () => {
  it('finds the rice-growing handbook from "troongf luas tieets kieemj"', async () => {
    const k = await openTestKiosk();
    const hits = await k.call<Hits>('eresources.browse', { query: 'troongf luas tieets kieemj' });
    expect(hits.results[0]?.title).toBe('Sổ tay trồng lúa tiết kiệm nước');
  });
});
