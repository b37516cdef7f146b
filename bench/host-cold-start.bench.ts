// Host cold start: from spawning `node dist/host.mjs` on a data directory holding the demo data to
// the first API reply over the WebSocket (system.info, the first call the home screen makes), on
// the normal profile and on the low-end one (pinned to one core with taskset), interleaved with
// Node's own start (`node -e 0`) so machine load hits every case alike. Target (issue #23): p50 at
// most 300 ms on this machine. Per run it also takes the process's CPU time at the reply, and the
// host's own start-up trace (`host.startup` and `host.deferred` log lines: which step cost what,
// and the work deferred past the first reply). With BENCH_BEFORE_DIST=<dist of an older build>
// the same runs are made on that build too, so a change is shown before/after in one run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, summarise, writeResult } from './harness';
import { cpuMsOf, machineLoad, onProfile, openApi, ratio, startHost, tasksetAvailable, type Profile } from './kiosk-process';

const host = fileURLToPath(new URL('../dist/host.mjs', import.meta.url));
const before = process.env.BENCH_BEFORE_DIST ? join(resolve(process.env.BENCH_BEFORE_DIST), 'host.mjs') : undefined;
const RUNS = Number(process.env.HOST_START_RUNS ?? 15);
const TARGET_P50_MS = 300;

interface Sample {
  wallMs: number;
  cpuMs: number;
  trace?: Record<string, number>;
}

function traceOf(stderr: string, event: string): Record<string, number> | undefined {
  const line = stderr.split('\n').find((l) => l.includes(`"event":"${event}"`));
  return line ? (JSON.parse(JSON.parse(line).steps as string) as Record<string, number>) : undefined;
}

async function startOnce(file: string, dataDir: string, profile: Profile): Promise<Sample> {
  const started = performance.now();
  const running = await startHost(file, ['--data-dir', dataDir], profile);
  try {
    const api = await openApi(running);
    await api.call('system.info');
    const wallMs = performance.now() - started;
    const cpuMs = cpuMsOf(running.child.pid!);
    api.close();
    // Wait for the deferred work to finish so its trace (and the next start) is complete.
    for (let i = 0; i < 100 && !running.stderr().includes('"host.deferred"'); i++) await new Promise((r) => setTimeout(r, 50));
    const trace = { ...traceOf(running.stderr(), 'host.startup'), ...traceOf(running.stderr(), 'host.deferred') };
    return { wallMs, cpuMs, trace };
  } finally {
    await running.stop();
  }
}

function nodeBaseline(profile: Profile): Sample {
  const [command, argv] = onProfile(profile, [process.execPath, '-e', '0']);
  const started = performance.now();
  spawnSync(command, argv);
  return { wallMs: performance.now() - started, cpuMs: Number.NaN };
}

/** The median of each trace step over the runs. */
function medianTrace(samples: Sample[]): Record<string, number> {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.trace ?? {})))];
  return Object.fromEntries(
    names.map((n) => [
      n,
      percentile(
        samples.map((s) => s.trace?.[n] ?? 0),
        50,
      ),
    ]),
  );
}

const profiles: Profile[] = tasksetAvailable() ? ['normal', 'lowEnd'] : ['normal'];
const builds = { after: host, ...(before ? { before } : {}) } as Record<string, string>;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
try {
  const loadAtStart = machineLoad();
  const firstStart = await startOnce(host, dataDir, 'normal'); // creates the database and seeds the demo data
  const samples: Record<string, Sample[]> = {};
  for (let i = 0; i < RUNS; i++) {
    for (const profile of profiles) {
      (samples[`node/${profile}`] ??= []).push(nodeBaseline(profile));
      for (const [build, file] of Object.entries(builds)) (samples[`${build}/${profile}`] ??= []).push(await startOnce(file, dataDir, profile));
    }
  }
  const figure = (key: string) => {
    const runs = samples[key]!;
    return {
      wallMs: summarise(
        runs.map((s) => s.wallMs),
        1,
      ),
      ...(Number.isNaN(runs[0]!.cpuMs)
        ? {}
        : {
            cpuMs: summarise(
              runs.map((s) => s.cpuMs),
              1,
            ),
          }),
    };
  };
  const profileFigures = Object.fromEntries(
    profiles.map((profile) => {
      const host = figure(`after/${profile}`);
      const node = figure(`node/${profile}`);
      const beforeFigure = before ? figure(`before/${profile}`) : undefined;
      return [
        profile,
        {
          host,
          nodeBaseline: node,
          hostOverNodeP50: ratio(host.wallMs.p50, node.wallMs.p50),
          // What the kiosk itself adds to Node's own start: the part this project can shrink.
          hostMinusNodeP50Ms: Number((host.wallMs.p50 - node.wallMs.p50).toFixed(1)),
          ...(beforeFigure
            ? {
                before: beforeFigure,
                afterOverBeforeP50: ratio(host.wallMs.p50, beforeFigure.wallMs.p50),
                cpuAfterOverBeforeP50: ratio(host.cpuMs!.p50, beforeFigure.cpuMs!.p50),
              }
            : {}),
          startupTraceMedianMs: medianTrace(samples[`after/${profile}`]!),
        },
      ];
    }),
  );
  const normal = profileFigures.normal as { host: { wallMs: { p50: number } } };
  const lowEndFigures = profileFigures.lowEnd as { host: { wallMs: { p50: number } } } | undefined;
  writeResult({
    name: 'host-cold-start',
    description:
      "Process start of dist/host.mjs to the first API reply (system.info over the WebSocket), demo data already seeded; normal profile and low-end profile (taskset -c 0), interleaved with `node -e 0`; CPU time of the host (all threads) at the reply; the host's start-up trace (median ms per step: boot = Node start + loading the bundle, then each feature, then the work deferred past the first reply)" +
      (before ? '; before = the same runs on BENCH_BEFORE_DIST' : ''),
    unit: 'ms',
    target: { metric: 'normal.host.wallMs.p50', limit: TARGET_P50_MS, met: normal.host.wallMs.p50 <= TARGET_P50_MS },
    figures: {
      ...profileFigures,
      ...(lowEndFigures ? { lowEndOverNormalP50: ratio(lowEndFigures.host.wallMs.p50, normal.host.wallMs.p50) } : {}),
      firstStartWithSeedingMs: Number(firstStart.wallMs.toFixed(1)),
      load: { atStart: loadAtStart, atEnd: machineLoad() },
    },
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
