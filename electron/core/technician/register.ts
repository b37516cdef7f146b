// The technician feature: terminal identity at start, the pid file that keeps `db restore` away
// from a running kiosk, the daily backup, and the technician/staff-home methods.
import { retentionView } from '../rights/retention';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localStamp } from '../../../common/calendar';
import type { KioskContext } from '../context';
import { listBackups, scheduleDailyBackup, takeBackup } from '../backup/daily';
import { PID_FILE } from '../backup/restore';
import { writeDiagnosticsBundle } from '../logs/diagnostics';
import { checkIdentityAtStart, META_IDENTITY_RESET_AT, readTerminalIdentity } from '../identity/identity';
import { readMachineId, systemMachineIdSources } from '../identity/machine-id';
import { getMeta } from '../store/meta';
import { runSelfTest } from '../system/self-test';
import { VERSION } from '../version';
import { canApplyUpdateNow } from '../updates/policy';
import { installUsbUpdate, usbUpdateState } from '../updates/usb-update';
import { activeInternetSessions, staffOverview } from './overview';
import { listRemovableMedia, systemMediaSources } from './removable-media';
import { stageSetup } from './setup';
import { exportCccdKeyTo } from './cccd-key-export';
import { exportSealedBackup, exportSealedDiagnostics } from './sealed-copies';

/** KIOSK_MACHINE_ID lets tests (and a technician reproducing a clone) say which machine this is. */
export function currentMachineId(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.KIOSK_MACHINE_ID?.trim() || readMachineId(systemMachineIdSources);
}

/** YYYYMMDD-HHMM, local time: folder names that sort by when they were written. */
function stamp(now: number): string {
  return localStamp(now).slice(0, 13);
}

/** Free megabytes when the self-test's disk check is below the warning threshold (or full), else null. */
function diskLowFreeMegabytes(report: { checks: { id: string; status: string; detail?: Record<string, unknown> }[] }): number | null {
  const disk = report.checks.find((check) => check.id === 'disk');
  if (!disk || disk.status === 'ok') return null;
  const free = disk.detail?.freeBytes;
  return typeof free === 'number' ? Math.floor(free / 1048576) : 0;
}

export function registerTechnician(ctx: KioskContext): void {
  const { registry, db, clock } = ctx;
  const machineId = currentMachineId();
  checkIdentityAtStart(ctx, machineId);

  if (ctx.role === 'owner') {
    // Kept for older technician scripts; the data folder's lock (store/owner.ts) is what decides.
    const pidFile = join(ctx.dataDir, PID_FILE);
    writeFileSync(pidFile, `${process.pid}\n`);
    ctx.onClose(() => rmSync(pidFile, { force: true }));
  }

  if (ctx.mode !== 'misconfigured' && ctx.role === 'owner') {
    // A backup due at start (none yet today) is taken after the first screen has its answer.
    ctx.afterStart('backup.schedule', () => ctx.onClose(scheduleDailyBackup(ctx, ctx.config.backups.keep)));
  }

  registry.register('technician.staffOverview', async () => {
    const report = await runSelfTest(ctx);
    const status = (id: string) => report.checks.find((check) => check.id === id)?.status;
    return staffOverview(db, clock.now(), {
      diskLowFreeMegabytes: diskLowFreeMegabytes(report),
      backupMissing: status('backup') === 'warning',
      configProblem: ctx.mode === 'misconfigured',
      identityResetAt: getMeta(db, META_IDENTITY_RESET_AT) ?? null,
      retentionNext: retentionView(ctx).next,
    });
  });

  registry.register('technician.identity', () => {
    return readTerminalIdentity(db, machineId !== undefined);
  });

  registry.register('technician.backups', () => {
    return { backups: listBackups(ctx.dataDir), keep: ctx.config.backups.keep };
  });

  registry.register('technician.backupNow', async () => {
    return takeBackup(ctx, ctx.config.backups.keep);
  });

  registry.register('technician.removableMedia', () => {
    return { media: listRemovableMedia(systemMediaSources) };
  });

  registry.register('technician.exportBackup', ({ name, destination, passphrase }) => exportSealedBackup(ctx, name, destination, passphrase));

  registry.register('technician.exportDiagnostics', async ({ destination, passphrase }) => {
    const identity = readTerminalIdentity(db, machineId !== undefined);
    const selfTest = await runSelfTest(ctx);
    const result = await exportSealedDiagnostics(destination, passphrase, (folder) =>
      writeDiagnosticsBundle({
        dataDir: ctx.dataDir,
        destination: folder,
        fileName: `kiosk-chan-doan-${identity.terminalId.slice(-8)}-${stamp(clock.now())}.zip`,
        selfTest,
        configFile: ctx.configFile,
        facts: { version: VERSION, mode: ctx.mode, terminalId: identity.terminalId, schema: db.pragma('user_version', { simple: true }) as number },
      }),
    );
    ctx.log.log('info', 'diagnostics.exported', { bytes: result.bytes, sealed: true });
    return result;
  });

  registry.register('technician.exportCccdKey', ({ destination, passphrase }, caller) => exportCccdKeyTo(ctx, caller.staff, destination, passphrase));

  registry.register('technician.usbUpdate', () => usbUpdateState(ctx));
  registry.register('technician.installUsbUpdate', ({ version }) => installUsbUpdate(ctx, version));

  registry.register('technician.updateReadiness', () => {
    const sessions = activeInternetSessions(db, clock.now());
    // Asked from the technician's own session: someone is signed in by definition, so the answer
    // reports what would block an unattended install apart from the asking technician.
    const decision = canApplyUpdateNow({
      activeInternetSessions: sessions,
      someoneSignedIn: false,
      idleForMs: Number.POSITIVE_INFINITY,
      libraryOpen: null,
      updateDownloaded: true,
    });
    return { canApply: decision.ok, reason: decision.reason, activeSessions: sessions };
  });

  registry.register('technician.setup', async ({ staffToken, ...request }) => {
    const { configFile } = await stageSetup(ctx, { staffToken, ...request });
    return { configFile, restartRequired: true as const };
  });
}
