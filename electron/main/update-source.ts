// Where updates come from: the provincial server named in the configuration, or a folder
// `kiosk-update` on a USB stick holding what electron-builder published (latest*.yml + installer).
// Plain functions so the choice is tested without Electron.
import { join } from 'node:path';

export const USB_UPDATE_FOLDER = 'kiosk-update';

export function updateManifestName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'latest.yml' : platform === 'darwin' ? 'latest-mac.yml' : 'latest-linux.yml';
}

/** The first USB folder holding an update for this platform, if any. */
export function findUsbUpdateFolder(mediaPaths: readonly string[], exists: (path: string) => boolean, platform: NodeJS.Platform): string | undefined {
  for (const media of mediaPaths) {
    const folder = join(media, USB_UPDATE_FOLDER);
    if (exists(join(folder, updateManifestName(platform)))) return folder;
  }
  return undefined;
}

export type UpdateSource = { kind: 'server'; url: string } | { kind: 'usb'; folder: string } | { kind: 'none' };

/** A stick plugged in by the technician wins over the server: it is there on purpose, now. */
export function chooseUpdateSource(serverUrl: string | null, usbFolder: string | undefined): UpdateSource {
  if (usbFolder) return { kind: 'usb', folder: usbFolder };
  if (serverUrl) return { kind: 'server', url: serverUrl };
  return { kind: 'none' };
}
