// The built provincial collector started as `npm run collector -- serve` does, on loopback with the
// test's clock, for the e2e specs that need a portal (statistics upload, the portal, pushes).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testClockArgs } from '../support/clock';
import { collectorEntry } from './fixtures';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function startCollectorProcess(dbFile: string, at: string | number): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [collectorEntry(), 'serve', '--port', '0', '--db', dbFile, ...testClockArgs(at)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: root,
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('collector did not start')), 30_000);
    child.stdout!.on('data', (chunk) => {
      const match = /COLLECTOR_URL=(\S+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { url, process: child };
}
