// The Electron shell's decisions: swallowed keys, allowed navigations, nightly restart, crash recovery, update source.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminModeFrom, shouldSwallowKey, type KeyInput } from '../../../electron/main/keys';
import { hasSafeWebPreferences, isAllowedNavigation } from '../../../electron/main/navigation';
import { nextRestartAt, recoveryAction } from '../../../electron/main/schedule';
import { chooseUpdateSource, findUsbUpdateFolder } from '../../../electron/main/update-source';
import { cliModeFrom } from '../../../electron/main/cli-mode';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('shouldSwallowKey', () => {
  it.each([
    ['F12', {}],
    ['i', { control: true, shift: true }],
    ['r', { control: true }],
    ['F5', {}],
    ['p', { control: true }],
    ['o', { control: true }],
    ['s', { meta: true }],
    ['0', { control: true }],
    ['ArrowLeft', { alt: true }],
    ['F4', { alt: true }],
  ] as const)('swallows %s %o outside admin mode', (k, mods) => {
    expect(shouldSwallowKey(key(k, mods), false)).toBe(true);
    expect(shouldSwallowKey(key(k, mods), true)).toBe(false);
  });

  it('lets ordinary typing, Vietnamese letters, zoom in/out and key-up through', () => {
    for (const k of ['a', 'ă', 'Đ', 'Enter', 'Backspace', 'Tab', '1', ' ']) expect(shouldSwallowKey(key(k), false)).toBe(false);
    expect(shouldSwallowKey(key('+', { control: true }), false)).toBe(false);
    expect(shouldSwallowKey({ ...key('F12'), type: 'keyUp' }, false)).toBe(false);
  });

  it('never swallows plain printable characters without modifiers (property)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 1 }), (ch) => !shouldSwallowKey(key(ch), false)));
  });

  it('admin mode comes only from --admin', () => {
    expect(adminModeFrom(['electron', '.', '--admin'])).toBe(true);
    expect(adminModeFrom(['electron', '.'])).toBe(false);
  });
});

describe('navigation and web preferences', () => {
  it('allows only the app origin', () => {
    expect(isAllowedNavigation('app://kiosk/#/staff')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('app://kiosk.evil/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });
  it('refuses unsafe web preferences', () => {
    expect(hasSafeWebPreferences({ contextIsolation: true, sandbox: true })).toBe(true);
    expect(hasSafeWebPreferences({ nodeIntegration: true })).toBe(false);
    expect(hasSafeWebPreferences({ sandbox: false })).toBe(false);
    expect(hasSafeWebPreferences({ webviewTag: true })).toBe(false);
  });
});

describe('nextRestartAt', () => {
  const at = (iso: string) => Date.parse(iso);
  it('picks tonight at the configured Vietnam time, or tomorrow when it has passed', () => {
    expect(nextRestartAt(at('2026-12-01T20:00:00+07:00'), '03:30')).toBe(at('2026-12-02T03:30:00+07:00'));
    expect(nextRestartAt(at('2026-12-02T01:00:00+07:00'), '03:30')).toBe(at('2026-12-02T03:30:00+07:00'));
    expect(nextRestartAt(at('2026-12-02T03:30:00+07:00'), '03:30')).toBe(at('2026-12-03T03:30:00+07:00'));
  });
  it('is off when not configured and skips a night right after a fresh start', () => {
    expect(nextRestartAt(Date.parse('2026-12-06T23:50:00+07:00'), null)).toBeUndefined();
    const now = at('2026-12-02T03:00:00+07:00');
    expect(nextRestartAt(now, '03:30', now)).toBe(at('2026-12-03T03:30:00+07:00'));
  });
  it('is always in the future and within two days (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (now, h, m) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const next = nextRestartAt(now, time)!;
          const local = new Date(next + 7 * 3600_000);
          return next > now && next - now <= 2 * 86_400_000 && local.getUTCHours() === h && local.getUTCMinutes() === m;
        },
      ),
    );
  });
});

describe('crash recovery and update source', () => {
  it('reloads on a crash, relaunches after three crashes in ten minutes', () => {
    const now = 1_000_000_000;
    expect(recoveryAction([now], now)).toBe('reload');
    expect(recoveryAction([now - 700_000, now - 1000, now], now)).toBe('reload');
    expect(recoveryAction([now - 500_000, now - 1000, now], now)).toBe('relaunch');
  });
  it('looks at a USB update folder only while a technician is signed in, and uses the server only over https (finding 7)', () => {
    const exists = (p: string) => p === '/media/kt/USB/kiosk-update/latest-linux.yml';
    const usb = findUsbUpdateFolder(['/media/kt/OTHER', '/media/kt/USB'], exists, 'linux');
    expect(usb).toBe('/media/kt/USB/kiosk-update');
    expect(findUsbUpdateFolder(['/media/kt/USB'], exists, 'win32')).toBeUndefined();
    expect(chooseUpdateSource('https://capnhat.thuvien.vn/kiosk/', usb, true)).toEqual({ kind: 'usb', folder: usb });
    expect(chooseUpdateSource('https://capnhat.thuvien.vn/kiosk/', usb, false)).toEqual({ kind: 'server', url: 'https://capnhat.thuvien.vn/kiosk/' });
    expect(chooseUpdateSource(null, usb, false)).toEqual({ kind: 'none' });
    expect(chooseUpdateSource('https://capnhat.thuvien.vn/kiosk/', undefined, false)).toEqual({ kind: 'server', url: 'https://capnhat.thuvien.vn/kiosk/' });
    expect(chooseUpdateSource('http://capnhat.thuvien.vn/kiosk/', undefined, true)).toEqual({ kind: 'none' });
    expect(chooseUpdateSource(null, undefined, true)).toEqual({ kind: 'none' });
  });
});

describe('cliModeFrom (the installed kiosk’s --cli command mode)', () => {
  it('starts the kiosk window when there is no --cli', () => {
    expect(cliModeFrom(['/opt/Kiosk Phong Doc Xa/kiosk-phong-doc-xa'])).toEqual({ kind: 'kiosk' });
    expect(cliModeFrom(['electron', '.', '--admin'])).toEqual({ kind: 'kiosk' });
  });

  it('passes everything after --cli to the command, whatever Electron put before it', () => {
    expect(cliModeFrom(['/opt/kiosk/kiosk-phong-doc-xa', '--no-sandbox', '--cli', 'db', 'restore', 'D:\\sao-luu.sqlite', '--json'])).toEqual({
      kind: 'command',
      args: ['db', 'restore', 'D:\\sao-luu.sqlite', '--json'],
      program: 'kiosk-phong-doc-xa --cli',
    });
    expect(cliModeFrom(['C:\\Program Files\\Kiosk Phong Doc Xa\\Kiosk Phong Doc Xa.exe', '--cli', 'self-test'])).toMatchObject({
      args: ['self-test'],
      program: '"Kiosk Phong Doc Xa.exe" --cli',
    });
    // A --cli after the command's own arguments is the command's business, not a second switch.
    expect(cliModeFrom(['kiosk', '--cli', 'search', '--cli'])).toMatchObject({ args: ['search', '--cli'] });
  });

  it('shows the help when no command follows --cli', () => {
    expect(cliModeFrom(['kiosk.exe', '--cli'])).toMatchObject({ kind: 'command', args: ['--help'] });
  });

  it('refuses the test clock: an installed kiosk always runs on the machine clock', () => {
    for (const argv of [
      ['kiosk', '--cli', 'self-test', '--test-clock', '2026-12-06T23:50:00+07:00'],
      ['kiosk', '--cli', '--test-clock=2028-02-29T12:00:00+07:00', 'session', 'start', 'BD000001'],
    ]) {
      const mode = cliModeFrom(argv);
      expect(mode.kind).toBe('refused');
      expect(mode.kind === 'refused' && mode.message).toMatch(/chỉ dùng khi kiểm thử/);
    }
  });

  it('never loses or reorders a command argument (property)', () => {
    const arg = fc.string({ minLength: 1, maxLength: 12 }).filter((a) => a !== '--test-clock' && !a.startsWith('--test-clock=') && a !== '--');
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), fc.array(arg, { minLength: 1, maxLength: 8 }), (before, after) => {
        const mode = cliModeFrom(['kiosk', ...before.filter((a) => a !== '--cli'), '--cli', ...after]);
        expect(mode).toMatchObject({ kind: 'command', args: after });
      }),
    );
  });
});
