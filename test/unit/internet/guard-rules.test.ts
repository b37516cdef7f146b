// The browsing guard's pure rules: permissions as configured (finding 6), downloads capped on bytes
// received (finding 4), uploads confined to the session folder (finding 1), the popup and dialog
// gates, and requests to names that resolve into the room's network.
import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { permissionAllowed } from '../../../electron/core/internet/guard/permissions';
import { decideDownloadStart, exceedsCap } from '../../../electron/core/internet/guard/downloads';
import { confineUploads, uploadableFiles } from '../../../electron/core/internet/guard/uploads';
import { DialogGate, PopupGate } from '../../../electron/core/internet/guard/gates';
import { decideRequest } from '../../../electron/core/internet/guard/request-policy';
import { systemResolver } from '../../../electron/core/internet/guard/resolve';
import type { UrlPolicy } from '../../../electron/core/internet/url-policy';
import { tempDir } from '../../support/temp-dir';

describe('permissions follow the configuration (finding 6)', () => {
  it('maps Electron\'s "media" request to camera and microphone', () => {
    expect(permissionAllowed(['camera'], 'media', ['video'])).toBe(true);
    expect(permissionAllowed(['camera'], 'media', ['audio'])).toBe(false);
    expect(permissionAllowed(['camera'], 'media', ['video', 'audio'])).toBe(false);
    expect(permissionAllowed(['camera', 'microphone'], 'media', ['video', 'audio'])).toBe(true);
    expect(permissionAllowed(['microphone'], 'media', [])).toBe(false);
    expect(permissionAllowed(['geolocation'], 'geolocation')).toBe(true);
    expect(permissionAllowed(['fullscreen'], 'geolocation')).toBe(false);
    expect(permissionAllowed(['camera', 'microphone', 'geolocation'], 'openExternal')).toBe(false);
  });
});

describe('downloads are capped on bytes received (finding 4)', () => {
  const rules = { allowedExtensions: ['pdf'], maxBytes: 1_000_000 };
  it('starts an allowed type of unknown size, then stops it past the cap', () => {
    expect(decideDownloadStart(rules, 'don.pdf', 0)).toEqual({ ok: true, name: 'don.pdf' });
    expect(exceedsCap(rules, 999_999, 0)).toBe(false);
    expect(exceedsCap(rules, 1_000_001, 0)).toBe(true);
    expect(decideDownloadStart(rules, 'setup.exe', 0).ok).toBe(false);
    expect(decideDownloadStart(rules, 'big.pdf', 2_000_000).ok).toBe(false);
  });
  it('whatever the server announces, more bytes than the cap are never accepted', () => {
    fc.assert(
      fc.property(fc.nat(5_000_000), fc.nat(5_000_000), (received, announced) => {
        if (received > rules.maxBytes) expect(exceedsCap(rules, received, announced)).toBe(true);
      }),
    );
  });
});

describe('uploads are confined to the session folder (finding 1)', () => {
  it('keeps only plain files directly inside the folder', () => {
    const dir = tempDir();
    try {
      const folder = join(dir.path, 'session');
      mkdirSync(folder);
      writeFileSync(join(dir.path, 'kiosk.sqlite'), 'SQLite format 3');
      writeFileSync(join(folder, 'don.pdf'), '%PDF');
      symlinkSync(join(dir.path, 'kiosk.sqlite'), join(folder, 'link.pdf'));
      mkdirSync(join(folder, 'sub'));
      expect(uploadableFiles(folder)).toEqual([join(folder, 'don.pdf')]);
      expect(
        confineUploads(folder, [
          join(folder, 'don.pdf'),
          join(dir.path, 'kiosk.sqlite'),
          join(folder, 'link.pdf'),
          join(folder, '..', 'kiosk.sqlite'),
          join(folder, 'sub'),
        ]),
      ).toEqual([join(folder, 'don.pdf')]);
      expect(confineUploads(null, [join(folder, 'don.pdf')])).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});

describe('gates', () => {
  it('a popup storm gets three tabs in ten seconds, never more than six open', () => {
    const gate = new PopupGate();
    const admitted = Array.from({ length: 30 }, (_, i) => gate.admit(i, 1)).filter(Boolean).length;
    expect(admitted).toBe(3);
    expect(gate.admit(20_000, 1)).toBe(true);
    expect(new PopupGate().admit(0, 6)).toBe(false);
  });
  it('dismisses every dialog, accepts leaving, and stops a loop', () => {
    const gate = new DialogGate();
    expect(gate.answer('beforeunload', 0)).toEqual({ accept: true, stopPage: false });
    const answers = Array.from({ length: 6 }, (_, i) => gate.answer('alert', i));
    expect(answers.every((a) => !a.accept)).toBe(true);
    expect(answers.at(-1)!.stopPage).toBe(true);
    expect(new DialogGate().answer('alert', 0).stopPage).toBe(false);
  });
});

describe("requests: names that resolve into the room's network", () => {
  const policy: UrlPolicy = { mode: 'block-list', allow: [], block: [], localExceptions: ['nas.example.org:8080'] };
  const resolve = async (host: string) =>
    ({
      'printer.example.org': ['192.168.1.50'],
      'nas.example.org': ['10.0.0.2'],
      'public.example.org': ['203.113.1.1'],
      'v6.example.org': ['::ffff:10.1.1.1'],
    })[host] ?? Promise.reject(new Error('NXDOMAIN'));
  it.each([
    ['http://printer.example.org/', 'block'],
    ['ws://printer.example.org/socket', 'block'],
    ['http://v6.example.org/', 'block'],
    ['http://public.example.org/', 'allow'],
    ['wss://public.example.org/socket', 'allow'],
    ['http://nas.example.org:8080/', 'allow'],
    ['http://nas.example.org:8081/', 'block'],
    ['http://unknown.example.org/', 'allow'],
  ] as const)('%s → %s', async (url, decision) => expect((await decideRequest({ policy, resolve }, url)).decision).toBe(decision));
  it('asks the real system resolver: localhost by any name is the kiosk itself', async () => {
    expect((await decideRequest({ policy: { mode: 'block-list', allow: [], block: [] }, resolve: systemResolver }, 'http://localhost./')).decision).toBe(
      'block',
    );
  });
  it('never throws on any input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.webUrl()), async (url) => {
        expect(['allow', 'block']).toContain((await decideRequest({ policy, resolve }, url)).decision);
      }),
      { numRuns: 200 },
    );
  });
});
