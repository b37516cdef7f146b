// The outbox survives a SIGKILL mid-upload: killed after the collector stored a batch but before
// the kiosk heard back, or before the collector saw it, the next run neither loses nor doubles a day.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DAY_INDICATORS } from '#contract/statistics';
import { FakeClock } from '../../electron/core/clock';
import { createKiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { dayFiguresBetween } from '../../electron/core/statistics/aggregate';
import { recordEvent } from '../../electron/core/store/event-types';
import { setMeta } from '../../electron/core/store/meta';
import { uploaderOf } from '../../electron/core/upload/register';
import { tempDir } from '../support/temp-dir';
import { enrolKiosk, onCleanup, startCollector, storeFactories } from './collector-support';

const child = fileURLToPath(new URL('./upload-child.ts', import.meta.url));
const NOW = Date.parse('2026-12-01T08:00:00+07:00');

/** A proxy that forwards (or not) and then never answers, telling the test when it got there. */
async function holdingProxy(target: string, forwardFirst: boolean) {
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  const to = new URL(target);
  const server = createServer(async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (forwardFirst) {
      await new Promise<void>((resolve) => {
        const up = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        up.end(Buffer.concat(chunks));
      });
    }
    reached();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, held };
}

describe.each(storeFactories)('SIGKILL mid-upload ($name)', (factory) => {
  for (const forwardFirst of [true, false]) {
    it(`loses and doubles nothing when killed ${forwardFirst ? 'after the collector stored the batch' : 'before the collector saw it'}`, async () => {
      const store = await factory.open();
      const { url } = await startCollector(store, () => NOW);
      const dir = tempDir('kiosk-kill-');
      onCleanup(() => dir.remove());
      let kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(NOW), log: silentLogger });
      const creds = await enrolKiosk(kiosk.db, store, url);
      const db = kiosk.db;
      for (let d = 1; d <= 20; d++) {
        const at = Date.parse(`2026-11-${String(d).padStart(2, '0')}T10:00:00+07:00`);
        db.transaction(() => {
          for (let i = 0; i < d; i++) {
            recordEvent(db, { now: () => at }, 'loan.checkout', {
              loanId: d * 100 + i,
              patronId: i,
              itemId: i,
              recordId: 1,
              collectionKind: 'own',
              dueDate: '2026-12-31',
              overrideBy: null,
              category: 'adult',
              gender: 'male',
              ageBand: '18-35',
            });
          }
        })();
      }
      const proxy = await holdingProxy(url, forwardFirst);
      setMeta(db, 'upload_collector_url', proxy.url);
      await kiosk.close();

      const proc = spawn(process.execPath, ['--import', 'tsx', child, dir.path, String(NOW)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (c) => (stderr += String(c)));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
      await Promise.race([proxy.held, exited.then(() => Promise.reject(new Error(`child exited early: ${stderr}`)))]);
      proc.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect((await store.counts()).dayRows).toBe(forwardFirst ? 20 : 0);

      // Restart: the same kiosk, the network healed.
      kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(NOW), log: silentLogger });
      onCleanup(() => kiosk.close());
      setMeta(kiosk.db, 'upload_collector_url', url);
      expect(uploaderOf(kiosk.ctx).status().pendingDays).toBe(20);
      await uploaderOf(kiosk.ctx).runNow();
      expect(uploaderOf(kiosk.ctx).status().pendingDays).toBe(0);
      const collector = await store.dayTotals(creds.terminalId, '2026-11-01', '2026-11-30');
      const local = dayFiguresBetween(kiosk.db, '2026-11-01', '2026-11-30');
      expect(collector).toHaveLength(20);
      for (const row of collector) {
        expect(row.revision).toBe(1);
        for (const key of DAY_INDICATORS) expect(row.totals[key]).toBe(local.get(row.day)![key]?.total ?? 0);
      }
      expect(collector.reduce((n, r) => n + r.totals.loans, 0)).toBe(210);
    }, 60_000);
  }
});
