// Start-up work the first screen does not need (ctx.afterStart) waits until the entry point says
// the kiosk has answered (host, Electron: deferStartupWork + startDeferred), and runs before
// createKiosk returns everywhere else (CLI, tests). The daily backup's first check is one such step:
// a kiosk with no backup today takes one. Configured kiosks (no demo data to seed) keep it quick.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupSettled, listBackups } from '../../electron/core/backup/daily';
import { FakeClock } from '../../electron/core/clock';
import { createKiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { tempDir } from '../support/temp-dir';

function configuredDir() {
  const dir = tempDir();
  copyFileSync(new URL('../../resources/kiosk.config.example.json', import.meta.url), join(dir.path, 'kiosk.config.json'));
  return dir;
}

describe('start-up work deferred past the first reply', () => {
  it('waits for startDeferred when deferred, and reports each step in order', async () => {
    const dir = configuredDir();
    const steps: string[] = [];
    const kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(), log: silentLogger, deferStartupWork: true, onStep: (s) => steps.push(s) });
    try {
      // Serving already: a call is answered before any deferred step ran.
      expect((await kiosk.registry.dispatch('system.ping', {})).ok).toBe(true);
      expect(steps.some((s) => s.startsWith('deferred:'))).toBe(false);
      expect(listBackups(dir.path)).toHaveLength(0);
      expect(steps.slice(0, 3)).toEqual(['setup', 'open', 'demo']); // 'demo': the demo-or-configured decision
      expect(steps).toContain('registerCatalogue');

      await kiosk.startDeferred();
      await backupSettled(kiosk.ctx);
      expect(listBackups(dir.path)).toHaveLength(1);
      expect(steps.filter((s) => s.startsWith('deferred:'))).toEqual([
        'deferred:backup.schedule',
        'deferred:upload.schedule',
        'deferred:catalogue.copyRetry',
        'deferred:retention.schedule',
        'deferred:eresources.cleanUp',
        'deferred:store.rowChecks',
      ]);
      // Asking again runs nothing twice.
      await kiosk.startDeferred();
      expect(steps.filter((s) => s === 'deferred:store.rowChecks')).toHaveLength(1);
    } finally {
      await kiosk.close();
      dir.remove();
    }
  });

  it('runs before createKiosk returns when not deferred (CLI, tests)', async () => {
    const dir = configuredDir();
    const kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(), log: silentLogger });
    try {
      await backupSettled(kiosk.ctx);
      expect(listBackups(dir.path)).toHaveLength(1);
    } finally {
      await kiosk.close();
      dir.remove();
    }
  });

  it('a kiosk closed before its deferred work started never starts it', async () => {
    const dir = configuredDir();
    const kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(), log: silentLogger, deferStartupWork: true });
    await kiosk.close();
    await kiosk.startDeferred();
    expect(listBackups(dir.path)).toHaveLength(0);
    dir.remove();
  });
});
