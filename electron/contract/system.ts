// System methods: liveness, what kind of kiosk this is, and the self-test report.
import { z } from 'zod';
import { method, noParams } from './define';

export const kioskMode = z.enum(['demo', 'configured', 'misconfigured']);

/** Staff put this PC into maintenance (at the PC, or from the room's console): residents see it is out of service. */
export const maintenance = z.object({ by: z.string().max(120), at: z.string().max(40) }).strict();
export type Maintenance = z.infer<typeof maintenance>;

export const checkStatus = z.enum(['ok', 'warning', 'error']);
export const selfTestCheck = z.object({
  id: z.string(),
  status: checkStatus,
  message: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export const selfTestReport = z.object({
  ok: z.boolean(),
  at: z.string(),
  version: z.string(),
  dataDir: z.string(),
  checks: z.array(selfTestCheck),
});
export type SelfTestReport = z.infer<typeof selfTestReport>;
export type SelfTestCheck = z.infer<typeof selfTestCheck>;

export const systemInfo = z.object({
  version: z.string(),
  mode: kioskMode,
  libraryName: z.string(),
  communeCode: z.string().nullable(),
  language: z.string(),
  now: z.string(),
  /** Set only when the configuration file is invalid: shown on the technician-only error screen. */
  configErrors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** While set, resident screens show that the PC is out of service; staff still sign in. */
  maintenance: maintenance.nullable(),
});

/** Sent when this PC goes into maintenance or comes out of it. */
export const systemEvents = {
  'system.maintenance': z.object({ maintenance: maintenance.nullable() }),
};
export type SystemInfo = z.infer<typeof systemInfo>;

export const systemMethods = {
  'system.ping': method(noParams, z.object({ pong: z.literal(true), now: z.string() }), { access: 'anyone', whenMisconfigured: true }),
  'system.info': method(noParams, systemInfo, { access: 'anyone', whenMisconfigured: true }),
  'system.selfTest': method(noParams, selfTestReport, { access: 'anyone', whenMisconfigured: true }),
};
