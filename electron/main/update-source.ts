// Where updates come from: the provincial server named in the configuration, or a folder
// `kiosk-update` on a USB stick holding what electron-builder published (latest*.yml + installer).
// Plain functions so the choice is tested without Electron.
import { join } from 'node:path';
import { updateUrlAllowed } from '../core/updates/signature';
import { USB_UPDATE_FOLDER } from '../core/updates/usb-update';

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

/**
 * A stick is looked at only while a technician is signed in (finding 7: a stick used to install
 * itself on an idle kiosk); even then it is offered, never installed silently. The server is
 * used only over https.
 */
export function chooseUpdateSource(serverUrl: string | null, usbFolder: string | undefined, technicianSignedIn: boolean): UpdateSource {
  if (usbFolder && technicianSignedIn) return { kind: 'usb', folder: usbFolder };
  if (serverUrl && updateUrlAllowed(serverUrl) && !serverUrl.startsWith('http:')) return { kind: 'server', url: serverUrl };
  return { kind: 'none' };
}
