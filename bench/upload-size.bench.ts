// Bytes on the wire per terminal-day: one busy day sent alone (the worst case: a daily upload)
// and the mean inside a month's batch (catching up), with every indicator and dimension filled.
import { DAY_INDICATORS, type DayFigures } from '#contract/statistics';
import { encodeBatch } from '../electron/core/upload/uploader';
import { writeResult } from './harness';

function busyDay(seed: number): DayFigures {
  const total = 80 + (seed % 40);
  const dims = {
    category: { adult: 30 + (seed % 9), child: 22, student: 19 + (seed % 5), senior: 7, guest: 2 },
    gender: { female: 44 + (seed % 7), male: 36, other: 1, unknown: 2 },
    ageBand: { '0-5': 3, '6-14': 21, '15-17': 14, '18-35': 25 + (seed % 4), '36-59': 18, '60+': 7, unknown: 1 },
    collection: { own: 60, rotation: 20 + (seed % 11) },
  };
  return Object.fromEntries(DAY_INDICATORS.map((k, i) => [k, { total: total + i, by: dims }]));
}

const single = encodeBatch({
  schema: 1,
  terminalId: 'kiosk-AbCdEfGhIjKlMnOpQrSt',
  software: 'kiosk/0.1.0',
  days: [{ day: '2026-11-30', revision: 3, figures: busyDay(1) }],
}).length;
const month = Array.from({ length: 31 }, (_, i) => ({ day: `2026-10-${String(i + 1).padStart(2, '0')}`, revision: 1, figures: busyDay(i) }));
const batch = encodeBatch({ schema: 1, terminalId: 'kiosk-AbCdEfGhIjKlMnOpQrSt', software: 'kiosk/0.1.0', days: month }).length;
writeResult({
  name: 'upload-size',
  description: 'Gzip bytes of an upload with all 16 indicators and every dimension filled (a busier day than any commune kiosk has).',
  unit: 'bytes',
  target: { metric: 'singleDayGzipBytes', limit: 2048, met: single <= 2048 },
  figures: { singleDayGzipBytes: single, monthBatchGzipBytes: batch, monthBatchBytesPerDay: Math.round(batch / 31) },
});
