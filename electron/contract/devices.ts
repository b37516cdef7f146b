// Devices: scan events (what every source — HID POS, raw keyboard, magstripe, wedge, simulator — turns
// into), the wedge/simulator entry points, and the technician's diagnostics view.
import { z } from 'zod';
import { anyone, method, noParams, staff } from './define';
import { staffToken } from './staff';

export const scanSource = z.enum(['hid-pos', 'hid-keyboard', 'magstripe', 'wedge', 'simulator']);
export type ScanSource = z.infer<typeof scanSource>;
export const scanKind = z.enum(['card', 'item', 'isbn', 'cccd', 'guest', 'unknown']);
export type ScanKind = z.infer<typeof scanKind>;

export const scanEvent = z.object({
  source: scanSource,
  kind: scanKind,
  text: z.string().max(4096),
  symbology: z.string().optional(),
  at: z.string(),
});
export type ScanEvent = z.infer<typeof scanEvent>;

/** How a device is read: HID POS reports, boot-keyboard reports, or magnetic-stripe track reports. */
export const deviceMode = z.enum(['hid-pos', 'hid-keyboard', 'magstripe']);
export type DeviceMode = z.infer<typeof deviceMode>;

export const deviceState = z.enum(['connected', 'disconnected', 'error']);

export const deviceStatus = z.object({
  id: z.string(),
  name: z.string(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  usagePage: z.number().int().nullable(),
  mode: deviceMode,
  state: deviceState,
  /** Why the device is not connected, as a full Vietnamese sentence. */
  problem: z.string().optional(),
  simulated: z.boolean(),
  lastScanAt: z.string().nullable(),
  scans: z.number().int().nonnegative(),
});
export type DeviceStatus = z.infer<typeof deviceStatus>;

/** Keyboard-wedge rules the renderer's detector uses (from the `devices.wedge` config section). */
export const wedgeSettings = z.object({
  enabled: z.boolean(),
  maxInterKeyMs: z.number().int().positive(),
  minLength: z.number().int().positive(),
  terminators: z.array(z.enum(['Enter', 'Tab'])),
  prefix: z.string(),
  suffix: z.string(),
});
export type WedgeSettings = z.infer<typeof wedgeSettings>;

/** One byte array per input report, as a device sends it (report id first when it numbers its reports). */
const reportBytes = z.array(z.number().int().min(0).max(255)).max(1024);

export const simulateRequest = z
  .object({
    source: z.enum(['hid-pos', 'hid-keyboard', 'magstripe', 'wedge']),
    text: z.string().min(1).max(4096).optional(),
    symbology: z.string().max(3).optional(),
    reports: z.array(reportBytes).min(1).max(512).optional(),
  })
  .strict()
  .refine((r) => (r.text === undefined) !== (r.reports === undefined), { message: 'cần đúng một trong hai: text hoặc reports' });
export type SimulateRequest = z.infer<typeof simulateRequest>;

export const deviceDiagnostics = z.object({
  hid: z.object({ available: z.boolean(), problem: z.string().optional() }),
  selection: z.union([z.literal('auto'), z.literal('configured')]),
  devices: z.array(deviceStatus),
  /** Last scans, newest first; CCCD text is masked, never the raw QR. */
  recentScans: z.array(scanEvent),
  wedge: wedgeSettings,
  simulated: z.boolean(),
});
export type DeviceDiagnostics = z.infer<typeof deviceDiagnostics>;

/** Fields of a CCCD QR after parsing (native/cccd/parse.ts); the core hashes idNumber and never stores it. */
export const cccdFields = z.object({
  idNumber: z.string().regex(/^\d{12}$/),
  oldId: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.enum(['male', 'female']),
  address: z.string(),
  issueDate: z.string().nullable(),
});
export type CccdFields = z.infer<typeof cccdFields>;

export const cccdErrorCode = z.enum([
  'not_cccd',
  'id_format',
  'province_code',
  'century_gender',
  'birth_year_mismatch',
  'old_id_format',
  'name_missing',
  'birth_date',
  'gender',
  'issue_date',
]);
export const cccdError = z.object({
  code: cccdErrorCode,
  field: z.string(),
  /** A full Vietnamese sentence saying what is wrong and what to do. */
  message: z.string(),
});
export type CccdError = z.infer<typeof cccdError>;
export type CccdResult = { ok: true; value: CccdFields } | { ok: false; errors: CccdError[] };

export const deviceMethods = {
  /** The renderer's keyboard-wedge detector hands a burst over; the core classifies and emits it. */
  'devices.submitScan': method(z.object({ source: z.literal('wedge'), text: z.string().trim().min(1).max(4096) }).strict(), scanEvent, anyone),
  /** Browser mode with --simulate-devices only: bytes or text pushed through the real decoders. */
  'devices.simulate': method(simulateRequest, z.object({ scans: z.array(scanEvent) }), anyone),
  'devices.wedgeSettings': method(noParams, wedgeSettings, anyone),
  'devices.diagnostics': method(z.object({ staffToken }).strict(), deviceDiagnostics, staff),
};

export const deviceEvents = {
  'scan.received': scanEvent,
};
