// Technician and staff-home methods: today's figures and open issues, terminal identity, backups
// (run, list, export to USB), removable media, diagnostics bundle, update readiness, first-run setup.
import { z } from 'zod';
import { method, staff, technician, withToken } from './define';

export const staffAttention = z.object({
  id: z.enum([
    'registrations_pending',
    'loans_overdue',
    'upload_failing',
    'disk_low',
    'backup_missing',
    'config_problem',
    'identity_reset',
    'retention_notice',
  ]),
  severity: z.enum(['info', 'warning', 'error']),
  count: z.number().int().nullable(),
  /** The staff page that deals with it, when one exists (#/staff/<page>). */
  page: z.string().nullable(),
  /** The local day the item is about, when it has one (the next automatic anonymisation). */
  day: z.string().nullable().optional(),
});
export type StaffAttention = z.infer<typeof staffAttention>;

export const staffOverview = z.object({
  day: z.string(),
  figures: z.object({
    visits: z.number().int(),
    loans: z.number().int(),
    returns: z.number().int(),
    internetSessions: z.number().int(),
  }),
  attention: z.array(staffAttention),
});
export type StaffOverview = z.infer<typeof staffOverview>;

export const terminalIdentity = z.object({
  terminalId: z.string(),
  createdAt: z.string(),
  /** Set when a cloned image was detected and a new identity replaced the copied one. */
  resetAt: z.string().nullable(),
  machineIdKnown: z.boolean(),
});
export type TerminalIdentity = z.infer<typeof terminalIdentity>;

export const backupEntry = z.object({ name: z.string(), bytes: z.number().int(), at: z.string() });
export type BackupEntry = z.infer<typeof backupEntry>;

export const removableMedium = z.object({ path: z.string(), label: z.string() });
export type RemovableMedium = z.infer<typeof removableMedium>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ viết dạng HH:MM, ví dụ 07:30');
const dayHours = z.array(z.object({ open: hhmm, close: hhmm }).strict()).max(4);
/** Opening hours per weekday (the `internet.openingHours` section of the configuration); [] = closed. */
export const setupOpeningHours = z.object({ sun: dayHours, mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours }).strict();
export type SetupOpeningHours = z.infer<typeof setupOpeningHours>;

/** What the first-run wizard asks: enough for a working configured kiosk. */
export const setupRequest = withToken({
  libraryName: z.string().trim().min(1).max(200),
  communeCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'mã xã gồm đúng 5 chữ số'),
  address: z.string().trim().max(300).optional(),
  language: z.enum(['vi', 'en']).default('vi'),
  technicianCard: z.string().trim().min(3).max(64),
  technicianName: z.string().trim().min(1).max(120),
  technicianPin: z.string().regex(/^\d{4,12}$/, 'mã PIN gồm 4–12 chữ số'),
  staffCard: z.string().trim().min(3).max(64).optional(),
  staffName: z.string().trim().min(1).max(120).optional(),
  staffPin: z
    .string()
    .regex(/^\d{4,12}$/, 'mã PIN gồm 4–12 chữ số')
    .optional(),
  /** Omitted: the configuration keeps this version's default opening hours. */
  openingHours: setupOpeningHours.optional(),
});

/** A passphrase that seals a copy leaving the PC (typed by the technician, never stored). */
export const passphrase = z.string().min(1).max(200);

/** What the technician's update page shows about a USB stick: nothing, a verified update, or a refusal. */
export const usbUpdateState = z.object({
  currentVersion: z.string(),
  /** Fingerprint of the province's key this build trusts (null: the build carries none). */
  signedBy: z.string().nullable(),
  status: z.enum(['none', 'verified', 'refused']),
  folder: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  update: z.object({ version: z.string(), file: z.string(), bytes: z.number().int() }).optional(),
});
export type UsbUpdateState = z.infer<typeof usbUpdateState>;

export const technicianMethods = {
  /** The CCCD key sealed with a passphrase, written into a folder (USB), for moving the kiosk to a new PC. */
  'technician.exportCccdKey': method(
    withToken({ destination: z.string().min(1).max(1024), passphrase }),
    z.object({ file: z.string(), bytes: z.number().int() }),
    { access: 'technician', whenMisconfigured: true },
  ),
  'technician.staffOverview': method(withToken({}), staffOverview, staff),
  'technician.identity': method(withToken({}), terminalIdentity, { access: 'staff', whenMisconfigured: true }),
  'technician.backups': method(withToken({}), z.object({ backups: z.array(backupEntry), keep: z.number().int() }), {
    access: 'technician',
    whenMisconfigured: true,
  }),
  'technician.backupNow': method(withToken({}), backupEntry, technician),
  'technician.removableMedia': method(withToken({}), z.object({ media: z.array(removableMedium) }), { access: 'technician', whenMisconfigured: true }),
  /** A backup copied to a USB stick, sealed with the technician's passphrase (`<name>.sealed`); restoring asks for it. */
  'technician.exportBackup': method(
    withToken({ name: z.string().min(1).max(200), destination: z.string().min(1).max(1024), passphrase }),
    z.object({ file: z.string(), bytes: z.number().int() }),
    { access: 'technician', whenMisconfigured: true },
  ),
  /** The diagnostics bundle, sealed with the technician's passphrase (`….zip.sealed`). */
  'technician.exportDiagnostics': method(
    withToken({ destination: z.string().min(1).max(1024), passphrase }),
    z.object({ file: z.string(), bytes: z.number().int() }),
    { access: 'technician', whenMisconfigured: true },
  ),
  /** A signed update on a USB stick (kiosk-update/), verified against the province's key; technician only. */
  'technician.usbUpdate': method(withToken({}), usbUpdateState, technician),
  /** Installs the stick's update the technician saw; refused with what to do when it does not verify. */
  'technician.installUsbUpdate': method(
    withToken({ version: z.string().regex(/^\d+\.\d+\.\d+$/, 'phiên bản dạng 1.2.3') }),
    z.object({ version: z.string(), installing: z.boolean(), staged: z.string() }),
    technician,
  ),
  'technician.updateReadiness': method(withToken({}), z.object({ canApply: z.boolean(), reason: z.string(), activeSessions: z.number().int() }), technician),
  'technician.setup': method(setupRequest, z.object({ configFile: z.string(), restartRequired: z.literal(true) }), technician),
};
