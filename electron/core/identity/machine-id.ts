// This machine's own identifier (Linux /etc/machine-id, Windows MachineGuid), read through
// injectable readers so tests decide what the "machine" says. Only a hash of it is ever stored.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface MachineIdSources {
  platform: NodeJS.Platform;
  readFile(path: string): string | undefined;
  /** Output of `reg query HKLM\SOFTWARE\Microsoft\Cryptography /v MachineGuid` (Windows). */
  queryRegistry(): string | undefined;
}

const LINUX_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/** Pulls the GUID out of `reg query` output; undefined when the value is missing or malformed. */
export function parseMachineGuid(output: string): string | undefined {
  const match = /MachineGuid\s+REG_SZ\s+([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})/.exec(output);
  return match?.[1]?.toLowerCase();
}

/** A systemd machine-id is 32 hex digits; an empty or all-zero file (a prepared image) counts as none. */
export function parseLinuxMachineId(text: string): string | undefined {
  const id = text.trim().toLowerCase();
  return /^[0-9a-f]{32}$/.test(id) && !/^0+$/.test(id) ? id : undefined;
}

export function readMachineId(sources: MachineIdSources): string | undefined {
  if (sources.platform === 'win32') {
    const output = sources.queryRegistry();
    return output ? parseMachineGuid(output) : undefined;
  }
  for (const file of LINUX_FILES) {
    const text = sources.readFile(file);
    const id = text === undefined ? undefined : parseLinuxMachineId(text);
    if (id) return id;
  }
  return undefined;
}

/** Stored instead of the raw id: enough to notice a different machine, useless outside the kiosk. */
export function machineFingerprint(machineId: string): string {
  return createHash('sha256').update(`commune-kiosk:${machineId}`).digest('hex').slice(0, 32);
}

export const systemMachineIdSources: MachineIdSources = {
  platform: process.platform,
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  queryRegistry() {
    try {
      return execFileSync('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid'], {
        encoding: 'utf8',
        timeout: 5000,
        windowsHide: true,
      });
    } catch {
      return undefined;
    }
  },
};
