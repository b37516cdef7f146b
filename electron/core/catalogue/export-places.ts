// Where the staff button may write a MARC export: a plugged-in USB stick, or the kiosk's own
// `exports` folder (to be copied later). Staff pick from this list; the core accepts only a path
// it listed itself, so the screen can never name another folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { localDay } from '../../../common/calendar';
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { listRemovableMedia, systemMediaSources } from '../technician/removable-media';
import { exportCatalogue, type ExportFormat, type ExportResult } from './export';

export interface ExportPlace {
  path: string;
  label: string;
  kind: 'usb' | 'kiosk';
}

export function exportPlaces(ctx: KioskContext): ExportPlace[] {
  return [
    ...listRemovableMedia(systemMediaSources).map((m) => ({ path: m.path, label: m.label, kind: 'usb' as const })),
    { path: join(ctx.dataDir, 'exports'), label: 'exports', kind: 'kiosk' },
  ];
}

/** The file name: commune code, day and format, e.g. von-sach-12345-2026-12-06.mrc. */
function exportName(ctx: KioskContext, format: ExportFormat): string {
  const day = localDay(ctx.clock.now());
  return `von-sach-${ctx.config.library.communeCode}-${day}.${format === 'marc21' ? 'mrc' : 'xml'}`;
}

export function exportToPlace(ctx: KioskContext, place: string, format: ExportFormat): ExportResult {
  if (!exportPlaces(ctx).some((p) => p.path === place)) {
    throw refused('export_place_gone', 'Không còn thấy nơi lưu đã chọn (USB đã rút ra?). Hãy cắm lại USB, chọn lại nơi lưu rồi xuất lại.');
  }
  mkdirSync(place, { recursive: true });
  return exportCatalogue(ctx.db, join(place, exportName(ctx, format)), format, ctx.config.library.communeCode);
}
