// The circulation configuration section: defaults, and the mistakes a technician can make.
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../electron/core/config/schema';
import { parseConfigText } from '../../../electron/core/config/load';

const library = { name: 'Thư viện xã Thử', communeCode: '12345' };

describe('circulation configuration', () => {
  it('has the four Vietnamese patron categories and a 60 s idle time by default', () => {
    const config = kioskConfigSchema.parse({ library });
    expect(config.circulation.categories.map((c) => c.name)).toEqual(['Trẻ em', 'Học sinh - sinh viên', 'Người lớn', 'Người cao tuổi']);
    expect(config.circulation).toMatchObject({ idleSeconds: 60, countdownSeconds: 10, selfRegistration: 'active', defaultCategory: 'adult' });
  });

  it('names the key of each mistake', () => {
    const result = parseConfigText(
      JSON.stringify({
        library,
        circulation: {
          defaultCategory: 'vip',
          idleSeconds: 2,
          categories: [{ id: 'adult', name: 'Người lớn', policy: { loanDays: 14, maxLoans: 3, renewals: 1 } }],
        },
      }),
      'kiosk.config.json',
    );
    expect(result.ok).toBe(false);
    const paths = result.ok === false ? result.problems.map((p) => p.path) : [];
    expect(paths).toContain('circulation.idleSeconds');
  });

  it('refuses a default category that is not defined', () => {
    const result = parseConfigText(JSON.stringify({ library, circulation: { defaultCategory: 'vip' } }), 'kiosk.config.json');
    expect(result.ok === false && result.problems.map((p) => p.path)).toEqual(['circulation.defaultCategory']);
  });
});
