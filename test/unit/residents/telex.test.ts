// Telex and VNI typing: tables of real keystroke sequences (different typing orders for the same
// word) and properties that hold for any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyKey, telexCandidates, typeVietnamese } from '../../../common/vietnamese/typing';

const TELEX: [keys: string, expected: string][] = [
  ['nguyeenx nhaajt anhs', 'nguyễn nhật ánh'],
  ['Nguyeenx Nhaajt Anhs', 'Nguyễn Nhật Ánh'],
  ['dduwowcj', 'được'],
  ['dduowcj', 'được'],
  ['ddwowcj', 'được'],
  ['dduwocwj', 'được'],
  ['dduocjw', 'được'],
  ['tieengs Vieetj', 'tiếng Việt'],
  ['tieesng vieejt', 'tiếng việt'],
  ['tiengse vietje', 'tiếng việt'],
  ['xin chaof', 'xin chào'],
  ['hoaf', 'hòa'],
  ['thuyr', 'thủy'],
  ['khoong', 'không'],
  ['khongo', 'không'],
  ['muwa', 'mưa'],
  ['muaw', 'mưa'],
  ['hoawcj', 'hoặc'],
  ['hoacwj', 'hoặc'],
  ['quaf', 'quà'],
  ['quyeenr', 'quyển'],
  ['gif', 'gì'],
  ['giaf', 'già'],
  ['giuwx gifn', 'giữ gìn'],
  ['nguowif', 'người'],
  ['nguwowif', 'người'],
  ['nguoiwf', 'người'],
  ['cuwus', 'cứu'],
  ['huwu', 'hưu'],
  ['toois', 'tối'],
  ['tuooir', 'tuổi'],
  ['chuyeenj', 'chuyện'],
  ['ngoaif', 'ngoài'],
  ['khuyeen', 'khuyên'],
  ['luaatj', 'luật'],
  ['luaajt', 'luật'],
  ['tuwj', 'tự'],
  ['sachs', 'sách'],
  ['Truyeenj Kieeuf', 'Truyện Kiều'],
  ['Ddaij Vieejt', 'Đại Việt'],
  ['Nhaf giar kim', 'Nhà giả kim'],
  ['Dees Mefn Phieeu Luwu Kys', 'Dế Mèn Phiêu Lưu Ký'],
  ['Deex', 'Dễ'],
  ['hoafn', 'hoàn'],
  ['hoanf', 'hoàn'],
  ['nhw', 'như'],
  ['tw', 'tư'],
  ['w', 'ư'],
  ['trowif', 'trời'],
  ['ddeemf', 'đềm'],
  ['hoocj taapj', 'hộc tập'],
  ['hocj taapj', 'học tập'],
  ['vawn hoas', 'văn hóa'],
  ['ddocj sachs', 'đọc sách'],
  ['thuw vieenj', 'thư viện'],
  ['suoots ddowif', 'suốt đời'],
  ['tieeps', 'tiếp'],
  ['yeeu', 'yêu'],
  ['khuyru', 'khuỷu'],
];

const UNDO: [keys: string, expected: string][] = [
  ['ass', 'as'],
  ['aaa', 'aa'],
  ['ddd', 'dd'],
  ['aww', 'aw'],
  ['ww', 'w'],
  ['tooo', 'too'],
  ['hoaz', 'hoaz'],
  ['hoafz', 'hoa'],
  ['hoaff', 'hoaf'],
  ['hoafs', 'hóa'],
  ['Viet Nam', 'Viet Nam'],
];

const VNI: [keys: string, expected: string][] = [
  ['d9uo75c', 'được'],
  ['duo75c', 'dược'],
  ['nguye6n4 nha65t a1nh', 'nguyễn nhật ánh'],
  ['Vie65t Nam', 'Việt Nam'],
  ['tie61ng Vie6t5', 'tiếng Việt'],
  ['hoa85c', 'hoặc'],
  ['hoa8c5', 'hoặc'],
  ['mu7a', 'mưa'],
  ['nguo7i2', 'người'],
  ['ngu7o7i2', 'người'],
  ['a11', 'a1'],
  ['a66', 'a6'],
];

describe('Telex', () => {
  it.each(TELEX)('%s → %s', (keys, expected) => {
    expect(typeVietnamese(keys, 'telex')).toBe(expected);
    expect(typeVietnamese(keys, 'both')).toBe(expected);
  });
  it.each(UNDO)('undo by doubling: %s → %s', (keys, expected) => {
    expect(typeVietnamese(keys, 'telex')).toBe(expected);
  });
  it('leaves words that cannot be Vietnamese syllables alone', () => {
    for (const word of ['class', 'string', 'BD000001', '2024', 'html', 'wifi', 'wiki', 'window']) expect(typeVietnamese(word, 'both')).toBe(word);
  });
});

describe('VNI', () => {
  it.each(VNI)('%s → %s', (keys, expected) => {
    expect(typeVietnamese(keys, 'vni')).toBe(expected);
  });
  it('turns d into đ with 9 typed after the vowels too', () => {
    expect(typeVietnamese('duo7c5 d9i', 'vni')).toBe('dược đi');
    expect(typeVietnamese('duo75c9', 'vni')).toBe('được');
  });
  it('keeps numbers that do not follow letters as numbers', () => {
    expect(typeVietnamese('Lop 12a, 2024', 'vni')).toBe('Lop 12a, 2024');
  });
});

describe('applyKey', () => {
  it('works key by key on the word before the caret', () => {
    let word = '';
    for (const key of 'nguyeenx') word = applyKey(word, key, 'telex');
    expect(word).toBe('nguyễn');
  });
  it('moves the tone when a vowel mark comes later', () => {
    expect(applyKey('vịe', 'e', 'telex')).toBe('việ');
  });
});

describe('telexCandidates', () => {
  it('offers the decoded query next to the typed one', () => {
    expect(telexCandidates('nguyeenx nhaajt anhs')).toEqual(['nguyeenx nhaajt anhs', 'nguyễn nhật ánh']);
    expect(telexCandidates('nguyễn nhật ánh')).toEqual(['nguyễn nhật ánh']);
  });
});

const PLAIN_LETTERS = 'bcghiklmnpqtuvy'.split('');

describe('properties', () => {
  it('never throws and always returns a string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('telex', 'vni', 'both'), (keys, method) => {
        expect(typeof typeVietnamese(keys, method as 'telex')).toBe('string');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ maxLength: 1, minLength: 1 }), (word, key) => {
        expect(typeof applyKey(word, key)).toBe('string');
      }),
    );
  });

  it('passes plain ASCII words without trigger letters through unchanged', () => {
    const word = fc.string({ unit: fc.constantFrom(...PLAIN_LETTERS, ...PLAIN_LETTERS.map((c) => c.toUpperCase())), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (words) => {
        const text = words.join(' ');
        expect(typeVietnamese(text, 'telex')).toBe(text);
      }),
    );
  });

  it('never loses a non-letter character (spaces, punctuation) between words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (keys) => {
        const separators = (text: string) => text.replace(/[\p{L}\p{M}0-9]/gu, '');
        expect(separators(typeVietnamese(keys, 'telex'))).toBe(separators(keys));
      }),
    );
  });

  it('decoding Vietnamese text that is already converted changes nothing but trigger letters', () => {
    const words = fc.constantFrom('nguyễn', 'nhật', 'ánh', 'được', 'tiếng', 'việt', 'thư', 'viện', 'người', 'học');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 5 }), (list) => {
        const text = list.join(' ');
        expect(typeVietnamese(text, 'vni')).toBe(text);
      }),
    );
  });
});
