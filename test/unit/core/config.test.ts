import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../electron/core/config/load';
import { defaultDataDir } from '../../../electron/core/config/data-dir';

describe('the configuration file', () => {
  it('accepts a minimal file and fills the defaults', () => {
    const result = parseConfigText(JSON.stringify({ library: { name: 'Thư viện xã Tân Lập', communeCode: '12345' } }), 'f.json');
    expect(result.ok).toBe(true);
    if (result.ok === true) {
      expect(result.config.language).toBe('vi');
      expect(result.config.staff.maxPinAttempts).toBe(5);
    }
  });

  it('names the key path, the bad value and what is expected', () => {
    const result = parseConfigText(JSON.stringify({ library: { name: 'X', communeCode: '12' }, staff: { lockMinutes: -1 } }), 'f.json');
    expect(result.ok).toBe(false);
    if (result.ok === false) {
      const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
      expect(byPath['library.communeCode']).toMatch(/5 chữ số.*"12"/);
      expect(byPath['staff.lockMinutes']).toMatch(/-1/);
    }
  });

  it('rejects unknown keys so a typo never falls back to a default silently', () => {
    const result = parseConfigText(JSON.stringify({ library: { name: 'X', communeCode: '12345' }, langauge: 'en' }), 'f.json');
    expect(result.ok).toBe(false);
    if (result.ok === false) expect(result.problems.map((p) => p.message).join()).toMatch(/langauge/);
  });

  it('explains a JSON syntax error', () => {
    const result = parseConfigText('{ "library": ', 'f.json');
    expect(result.ok).toBe(false);
    if (result.ok === false) expect(result.problems[0]!.message).toMatch(/JSON hợp lệ/);
  });

  it('puts the data directory where each operating system expects it', () => {
    expect(defaultDataDir('linux', {}, '/home/an')).toBe('/home/an/.local/share/commune-kiosk');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data' }, '/home/an')).toBe('/data/commune-kiosk');
    expect(defaultDataDir('win32', { PROGRAMDATA: 'C:\\ProgramData' }, 'C:\\Users\\an')).toMatch(/ProgramData.commune-kiosk$/);
    expect(defaultDataDir('darwin', {}, '/Users/an')).toBe('/Users/an/Library/Application Support/commune-kiosk');
    expect(defaultDataDir('linux', { KIOSK_DATA_DIR: '/srv/kiosk' }, '/home/an')).toBe('/srv/kiosk');
  });
});
