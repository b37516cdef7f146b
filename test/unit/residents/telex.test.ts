// Telex and VNI typing: tables of real keystroke sequences (different typing orders for the same
// word) and properties that hold for any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWord, parseSyllable, toneOf, type Tone } from '../../../common/vietnamese/syllable';
import { applyKey, telexCandidates, typeKey, typeVietnamese } from '../../../common/vietnamese/typing';

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

// Words and names children search for at the reading room: none is a Vietnamese syllable, so Telex
// must give them back exactly as typed, as Unikey does (issue #21: "word" had become "ửod").
// Words that are also Telex for a Vietnamese syllable ("us" → "ú", "piece" → "piêc") or end in a
// doubled key ("chess" → "ches", the undo) convert, as in Unikey.
const LOANWORDS = [
  'word',
  'excel',
  'harry potter',
  'Harry Potter',
  'doraemon',
  'Doraemon',
  'conan',
  'Conan',
  'minecraft',
  'Minecraft',
  'youtube',
  'YouTube',
  'zalo',
  'Zalo',
  'facebook',
  'Facebook',
  'google',
  'pokemon',
  'Pokemon',
  'naruto',
  'python',
  'scratch',
  'tiktok',
  'TikTok',
  'roblox',
  'powerpoint',
  'PowerPoint',
  'windows',
  'wifi',
  'email',
  'gmail',
  'chrome',
  'messenger',
  'instagram',
  'shopee',
  'lazada',
  'free fire',
  'pubg',
  'fortnite',
  'mario',
  'sonic',
  'pikachu',
  'dragon ball',
  'nobita',
  'shin',
  'totoro',
  'disney',
  'marvel',
  'avengers',
  'spiderman',
  'batman',
  'superman',
  'frozen',
  'elsa',
  'barbie',
  'lego',
  'ipad',
  'iphone',
  'samsung',
  'ielts',
  'toeic',
  'english',
  'canva',
  'office',
  'linux',
  'java',
  'robot',
  'arduino',
  'guitar',
  'piano',
  'Sherlock Holmes',
  'Tom and Jerry',
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

describe('Telex stops where Vietnamese stops', () => {
  it.each(LOANWORDS)('%s stays as typed', (word) => {
    expect(typeVietnamese(word, 'telex')).toBe(word);
    expect(typeVietnamese(word, 'both')).toBe(word);
  });
  it('gives the keys back while typing, as soon as no Vietnamese word can come of them', () => {
    let word = '';
    let raw = '';
    const seen: string[] = [];
    for (const key of 'word') {
      word = typeKey(word, raw, key, 'telex');
      raw += key;
      seen.push(word);
    }
    expect(seen).toEqual(['ư', 'ưo', 'ửo', 'word']);
  });
  it('searches for the loanword as typed', () => {
    for (const word of LOANWORDS) expect(telexCandidates(word)).toEqual([word]);
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

  const INITIALS = ['', 'b', 'c', 'ch', 'g', 'h', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 't', 'th', 'tr', 'v', 'x'];
  const NUCLEI = [
    'a',
    'e',
    'i',
    'o',
    'u',
    'y',
    'ai',
    'ao',
    'au',
    'ay',
    'eo',
    'ia',
    'ie',
    'iu',
    'oa',
    'oe',
    'oi',
    'ua',
    'ui',
    'uo',
    'uy',
    'ieu',
    'oai',
    'uoi',
    'uye',
    'yeu',
  ];
  const FINALS = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
  const TONE_KEYS: Record<string, Tone> = { s: 'acute', f: 'grave', r: 'hook', x: 'tilde', j: 'dot' };

  it('still converts every Telex syllable: its letters stay, the tone key becomes the tone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INITIALS),
        fc.constantFrom(...NUCLEI),
        fc.constantFrom(...FINALS),
        fc.constantFrom(...Object.keys(TONE_KEYS)),
        (initial, nucleus, final, toneKey) => {
          const plain = initial + nucleus + final;
          fc.pre(parseSyllable(decodeWord(plain)!) !== undefined);
          const out = typeVietnamese(plain + toneKey, 'telex');
          const letters = decodeWord(out)!;
          expect(letters.map((l) => l.base).join('')).toBe(plain);
          expect(toneOf(letters)).toBe(TONE_KEYS[toneKey]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never loses a letter of a word that does not become Vietnamese', () => {
    const key = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzAEOW'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: key, minLength: 1, maxLength: 10 }), (word) => {
        const out = typeVietnamese(word, 'telex');
        const letters = decodeWord(out);
        const vietnamese = letters !== undefined && parseSyllable(letters.map((l) => ({ ...l, tone: 'none' as Tone }))) !== undefined;
        // Either a Vietnamese syllable, or the keys as typed, or a doubled key at the end undone ("ass" → "as").
        if (!vietnamese) expect([word, word.slice(0, -1)]).toContain(out);
      }),
      { numRuns: 3000 },
    );
  });
});
