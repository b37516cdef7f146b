// The OS lockdown scripts in resources/lockdown/: the Linux scripts parse (bash -n) and pass
// shellcheck when it is installed, the systemd unit has what keeps the kiosk running, and every
// script says how to undo what it changes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../resources/lockdown/', import.meta.url);
const linux = readdirSync(new URL('linux/', dir)).filter((name) => name.endsWith('.sh'));

function unitSections(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) sections.set(section[1]!, (current = new Map()));
    else if (current && line.includes('=')) current.set(line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1));
  }
  return sections;
}

describe('Linux lockdown scripts', () => {
  it.each(linux)('%s is valid bash with a header that explains how to undo', (name) => {
    const file = new URL(`linux/${name}`, dir);
    expect(() => execFileSync('bash', ['-n', file.pathname])).not.toThrow();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('#!/usr/bin/env bash\n#')).toBe(true);
    expect(text).toMatch(/undo/i);
    expect(text).toContain('set -euo pipefail');
    if (existsSync('/usr/bin/shellcheck')) expect(() => execFileSync('/usr/bin/shellcheck', [file.pathname])).not.toThrow();
  });

  it('bash -n rejects a broken script (the check can fail)', () => {
    expect(() => execFileSync('bash', ['-n', '-c', 'if true; then echo'], { stdio: 'pipe' })).toThrow();
  });

  it('the systemd user unit restarts the kiosk forever in the graphical session', () => {
    const unit = unitSections(readFileSync(new URL('linux/commune-kiosk.service', dir), 'utf8'));
    expect(unit.get('Service')?.get('ExecStart')).toBe('/usr/local/bin/commune-kiosk-launch');
    expect(unit.get('Service')?.get('Restart')).toBe('always');
    expect(Number(unit.get('Service')?.get('RestartSec'))).toBeLessThanOrEqual(5);
    expect(unit.get('Unit')?.get('StartLimitIntervalSec')).toBe('0');
    expect(unit.get('Install')?.get('WantedBy')).toBe('graphical-session.target');
  });

  it('the setup script installs every file it refers to and offers --undo', () => {
    const setup = readFileSync(new URL('linux/setup-kiosk-user.sh', dir), 'utf8');
    for (const name of ['kiosk-session.sh', 'commune-kiosk-launch.sh', '$session.desktop', '$session.service']) expect(setup).toContain(`"$here/${name}"`);
    for (const name of ['kiosk-session.sh', 'commune-kiosk-launch.sh', 'commune-kiosk.desktop', 'commune-kiosk.service'])
      expect(existsSync(new URL(`linux/${name}`, dir))).toBe(true);
    expect(setup).toMatch(/--undo\) undo/);
    expect(setup).toContain('autologin-user=');
    expect(setup).toContain('AutomaticLoginEnable');
  });
});

describe('Windows lockdown script', () => {
  const ps1 = readFileSync(new URL('windows/Set-KioskLockdown.ps1', dir), 'utf8');
  it('covers the shell, accessibility hotkeys, the Windows key and edge swipes, and can undo them', () => {
    expect(ps1).toContain('WESL_UserSetting');
    expect(ps1).toContain('MDM_AssignedAccess');
    for (const key of ['StickyKeys', 'Keyboard Response', 'ToggleKeys', 'NoWinKeys', 'AllowEdgeSwipe', 'DisableTaskMgr']) expect(ps1).toContain(key);
    expect(ps1).toMatch(/\[switch\]\$Undo/);
  });
  it('ships a well-formed Assigned Access configuration', () => {
    const xml = readFileSync(new URL('windows/kiosk-assigned-access.xml', dir), 'utf8');
    expect(xml).toContain('<KioskModeApp v4:ClassicAppPath="{{EXE}}" />');
    expect(xml.match(/<(\w[\w:]*)[\s>]/g)?.length).toBeGreaterThan(5);
  });
});
