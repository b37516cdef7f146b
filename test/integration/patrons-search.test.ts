// Staff search of residents (issue #17): folds case, diacritics and đ exactly as the catalogue
// does (foldVietnamese), and finds by card number, phone or name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PatronSummary } from '#contract/patrons';
import { patronMatcher } from '../../electron/core/patrons/records';
import { foldVietnamese } from '../../electron/core/text/fold';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';

async function withPatrons(): Promise<{ t: TestKiosk; token: string }> {
  const t = await openTestKiosk();
  const token = (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
  const add = (fullName: string, phone: string | null, cardNumber: string) =>
    t.call('patrons.add', { staffToken: token, fullName, category: 'adult', birthYear: 1980, gender: 'female', village: 'Thôn 1', phone, cardNumber });
  await add('Nguyễn Thị Hồng Đào', '0912345678', 'BD900001');
  await add('Đặng Văn Đức', '+84987654321', 'BD900002');
  await add('NGUYỄN VĂN ÂN', null, 'BD900003');
  await add('Trần Nguyên Hải', '02031112222', 'BD900004');
  return { t, token };
}

const cards = (list: PatronSummary[]) =>
  list
    .map((p) => p.cardNumber)
    .filter((c) => c.startsWith('BD9'))
    .sort();

describe('staff search of residents', () => {
  it('"Nguyen" finds "Nguyễn" (any case), "dang van duc" finds "Đặng Văn Đức", by card and by phone', async () => {
    const { t, token } = await withPatrons();
    const list = (query: string) => t.call<PatronSummary[]>('patrons.list', { staffToken: token, query });
    expect(cards(await list('Nguyen'))).toEqual(['BD900001', 'BD900003', 'BD900004']);
    expect(cards(await list('nguyễn văn'))).toEqual(['BD900003']);
    expect(cards(await list('dang van duc'))).toEqual(['BD900002']);
    expect(cards(await list('ĐÀO'))).toEqual(['BD900001']);
    expect(cards(await list('dao'))).toEqual(['BD900001']);
    expect(cards(await list('bd900004'))).toEqual(['BD900004']);
    expect(cards(await list('0987654321'))).toEqual(['BD900002']);
    expect(cards(await list('0912-345'))).toEqual(['BD900001']);
    expect(cards(await list('%'))).toEqual([]);
    expect(cards(await list('Lò Văn Páo'))).toEqual([]);
  });

  it('matches a name exactly when the catalogue fold of the query is within the fold of the name (property)', () => {
    const syllable = fc.constantFrom('Nguyễn', 'Đặng', 'Văn', 'Thị', 'Hồng', 'Đào', 'Ân', 'Lò', 'Páo', 'Hà', 'Giàng', 'Mỹ', 'Quỳnh', 'Ưng', 'Ơn');
    fc.assert(
      fc.property(
        fc.array(syllable, { minLength: 1, maxLength: 4 }),
        fc.array(syllable, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        (name, typed, upper) => {
          const fullName = name.join(' ');
          const query = upper ? typed.join(' ').toUpperCase() : typed.join(' ');
          const matches = patronMatcher(query)({ card: 'BD000001', name: fullName, phone: null });
          const expected = typed.every((word) => foldVietnamese(fullName).includes(foldVietnamese(word)));
          expect(matches).toBe(expected);
        },
      ),
    );
  });
});
