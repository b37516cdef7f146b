// The upload feature: one background uploader per kiosk, its staff methods (status, send now) and
// the 'upload.state' event. The uploader is stopped when the kiosk closes.
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { Uploader, UploadFailure, type UploaderOptions } from './uploader';

const uploaders = new WeakMap<KioskContext, Uploader>();

/** The kiosk's uploader (the CLI's `upload --now` uses the same one). */
export function uploaderOf(ctx: KioskContext): Uploader {
  const uploader = uploaders.get(ctx);
  if (!uploader) throw new Error('upload feature not registered');
  return uploader;
}

/** Runs an upload now; a failure becomes a readable refusal for staff and the CLI. */
export async function uploadNow(ctx: KioskContext) {
  const uploader = uploaderOf(ctx);
  try {
    const { sentDays } = await uploader.runNow();
    return { sentDays, state: uploader.status() };
  } catch (error) {
    if (error instanceof UploadFailure) {
      throw new KioskError(error.refused ? 'refused' : 'unavailable', `${error.message} Số liệu vẫn được giữ trên kiosk và sẽ gửi lại sau.`, {
        reason: error.refused ? 'upload_refused' : 'upload_failed',
      });
    }
    throw error;
  }
}

export function createUploadFeature(options: UploaderOptions = {}) {
  return function registerUploader(ctx: KioskContext): void {
    const uploader = new Uploader(ctx, options);
    uploaders.set(ctx, uploader);
    ctx.registry.register('upload.status', () => {
      return uploader.status();
    });
    ctx.registry.register('upload.now', () => {
      return uploadNow(ctx);
    });
    // Only the folder's owner sends on a timer; a guest CLI sends when asked (`kiosk upload --now`).
    if (ctx.role === 'owner') ctx.afterStart('upload.schedule', () => uploader.start());
    ctx.onClose(() => uploader.stop());
  };
}

export const registerUpload = createUploadFeature();
