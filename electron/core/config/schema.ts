// The technician's configuration file (kiosk.config.json): one zod schema, one section per concern.
// Unknown keys are errors, so a typo never silently falls back to a default.
import { z } from 'zod';
import { audioSection, residentsSection } from '../residents/config';
import { statisticsSection } from '../statistics/config';
import { devicesSection } from '../devices/config';
import { internetSection } from '../internet/config';
import { circulationSection } from '../circulation/config';
import { eresourcesSection } from '../eresources/config';
import { storageSection } from '../store/config';
import { copyCataloguingSection } from '../catalogue/copy/config';
import { backupSection, logSection, printerSection, shellSection, updatesSection } from '../technician/config';

export const librarySection = z
  .object({
    name: z.string().min(1).max(200),
    communeCode: z.string().regex(/^\d{5}$/, 'mã xã gồm đúng 5 chữ số (mã đơn vị hành chính)'),
    address: z.string().max(300).optional(),
  })
  .strict();

export const staffSection = z
  .object({
    pinMinLength: z.number().int().min(4).max(12).default(6),
    maxPinAttempts: z.number().int().min(3).max(20).default(5),
    lockMinutes: z.number().int().min(1).max(1440).default(5),
  })
  .strict();

export const kioskConfigSchema = z
  .object({
    $schema: z.string().optional(),
    library: librarySection,
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/)
      .default('vi'),
    staff: staffSection.default(staffSection.parse({})),
    audio: audioSection.default(audioSection.parse({})),
    residents: residentsSection.default(residentsSection.parse({})),
    statistics: statisticsSection.default(statisticsSection.parse({})),
    devices: devicesSection.default(devicesSection.parse({})),
    internet: internetSection.default(internetSection.parse({})),
    circulation: circulationSection.default(circulationSection.parse({})),
    eresources: eresourcesSection.default(eresourcesSection.parse({})),
    printer: printerSection.default(printerSection.parse({})),
    shell: shellSection.default(shellSection.parse({})),
    updates: updatesSection.default(updatesSection.parse({})),
    backups: backupSection.default(backupSection.parse({})),
    logs: logSection.default(logSection.parse({})),
    storage: storageSection.default(storageSection.parse({})),
    copyCataloguing: copyCataloguingSection.default(copyCataloguingSection.parse({})),
  })
  .strict();

export type KioskConfig = z.output<typeof kioskConfigSchema>;
export type KioskConfigInput = z.input<typeof kioskConfigSchema>;

/** The configuration a demo kiosk runs with: never written to disk. */
export const demoConfig: KioskConfig = kioskConfigSchema.parse({
  library: { name: 'Thư viện xã Minh Hòa (dữ liệu mẫu)', communeCode: '00000' },
  // A made-up population, so the demo shows the share of residents served against its target.
  statistics: { residents: 3850 },
});
