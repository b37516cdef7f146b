// The permissions a page may get, from `internet.allowedPermissions`. Finding 6: Electron names
// camera and microphone "media" with mediaTypes, so the configured values never matched; here every
// spelling (Electron's, the Permissions API's, CDP's) maps to the configured names.
export const CONFIGURABLE_PERMISSIONS = ['camera', 'microphone', 'geolocation', 'notifications', 'fullscreen', 'clipboard-sanitized-write'] as const;
export type ConfigurablePermission = (typeof CONFIGURABLE_PERMISSIONS)[number];

/** What one request asks for, in configured names; [] means something never allowed. */
export function requestedPermissions(permission: string, mediaTypes: readonly string[] = []): ConfigurablePermission[] {
  switch (permission) {
    case 'media': {
      const asked = mediaTypes.map((m) => (m === 'video' ? 'camera' : m === 'audio' ? 'microphone' : 'other'));
      if (asked.length === 0 || asked.includes('other')) return [];
      return asked as ConfigurablePermission[];
    }
    case 'camera':
    case 'videoCapture':
    case 'video_capture':
      return ['camera'];
    case 'microphone':
    case 'audioCapture':
    case 'audio_capture':
      return ['microphone'];
    case 'geolocation':
      return ['geolocation'];
    case 'notifications':
      return ['notifications'];
    case 'fullscreen':
      return ['fullscreen'];
    case 'clipboard-sanitized-write':
    case 'clipboardSanitizedWrite':
      return ['clipboard-sanitized-write'];
    default:
      return [];
  }
}

/** Allowed only when every part of the request is configured; anything unknown is denied. */
export function permissionAllowed(allowed: readonly string[], permission: string, mediaTypes: readonly string[] = []): boolean {
  const asked = requestedPermissions(permission, mediaTypes);
  return asked.length > 0 && asked.every((p) => allowed.includes(p));
}

/** CDP PermissionDescriptor names for Browser.setPermission, per configured permission. */
export const CDP_PERMISSION_NAMES: Record<ConfigurablePermission, string> = {
  camera: 'camera',
  microphone: 'microphone',
  geolocation: 'geolocation',
  notifications: 'notifications',
  fullscreen: 'fullscreen',
  'clipboard-sanitized-write': 'clipboard-write',
};
