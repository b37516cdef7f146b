import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, foldedWords } from '../../../electron/core/text/fold';

describe('Vietnamese folding', () => {
  it('removes tone and vowel marks and folds đ to d', () => {
    expect(foldVietnamese('Đường Kách Mệnh')).toBe('duong kach menh');
    expect(foldVietnamese('Nguyễn Nhật Ánh')).toBe('nguyen nhat anh');
    expect(foldVietnamese('ĐỒNG BẰNG SÔNG CỬU LONG')).toBe('dong bang song cuu long');
  });

  it('folds composed and decomposed input the same way', () => {
    expect(foldVietnamese('Tiếng Việt'.normalize('NFD'))).toBe(foldVietnamese('Tiếng Việt'.normalize('NFC')));
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = foldVietnamese(text);
        expect(foldVietnamese(once)).toBe(once);
      }),
    );
  });

  it('splits into words', () => {
    expect(foldedWords('Sổ tay: trồng lúa-nước 2026')).toEqual(['so', 'tay', 'trong', 'lua', 'nuoc', '2026']);
  });
});
