// `npm run collector -- <command>`: the provincial statistics service and its technician commands.
// Storage: PostgreSQL when DATABASE_URL is set, else the SQLite file given by --db.
import { Command } from 'commander';
import { registerTerminal, reissueCode } from './admin';
import { createCollector } from './server';
import { openStore } from './store/open';
import { startedClock, takeTestClock, TestClockRefused } from '../common/testing/test-clock';

// Tests give the collector their clock with --test-clock (common/testing/test-clock.ts); it is not
// bundled into installers, and a production build refuses the option like the kiosk's entries do.
let argv: string[];
let now: () => number = Date.now;
try {
  const taken = takeTestClock(process.argv.slice(2));
  argv = taken.argv;
  if (taken.spec) now = startedClock(taken.spec).now;
} catch (error) {
  if (!(error instanceof TestClockRefused)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const program = new Command('collector').description('Máy chủ thống kê của thư viện tỉnh').showHelpAfterError();
const dbOption = ['--db <tệp>', 'tệp SQLite khi không đặt DATABASE_URL', 'collector.sqlite'] as const;

async function withStore<T>(options: { db: string }, body: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}), sqliteFile: options.db });
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

function fail(error: unknown): never {
  process.stderr.write(`${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
}

program
  .command('serve', { isDefault: true })
  .description('Chạy máy chủ nhận số liệu và trang tổng hợp')
  .option('--port <số>', 'cổng', '8750')
  .option('--host <địa chỉ>', 'địa chỉ lắng nghe (đặt sau proxy HTTPS)', '127.0.0.1')
  .option(...dbOption)
  .action(async (options: { port: string; host: string; db: string }) => {
    const store = await openStore({ ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}), sqliteFile: options.db }).catch(fail);
    const collector = createCollector({ store, now });
    const url = await collector.listen(Number(options.port), options.host);
    process.stdout.write(`COLLECTOR_URL=${url} (${store.kind})\n`);
    const stop = async () => {
      await collector.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

const terminal = program.command('terminal').description('Quản lý máy trạm');
terminal
  .command('add')
  .description('Đăng ký một máy trạm và cấp mã đăng ký dùng một lần')
  .requiredOption('--commune <mã>', 'mã xã (5 chữ số)')
  .requiredOption('--commune-name <tên>', 'tên xã')
  .requiredOption('--province <mã>', 'mã tỉnh (2 chữ số)')
  .requiredOption('--name <tên>', 'tên máy trạm, ví dụ "Kiosk phòng đọc"')
  .option('--json', 'in JSON')
  .option(...dbOption)
  .action((o: { commune: string; communeName: string; province: string; name: string; json?: boolean; db: string }) =>
    withStore(o, async (store) => {
      const r = await registerTerminal(store, { communeCode: o.commune, communeName: o.communeName, provinceCode: o.province, name: o.name }, now());
      process.stdout.write(
        o.json
          ? `${JSON.stringify({ ok: true, terminalId: r.terminal.id, code: r.code, expiresAt: r.expiresAt })}\n`
          : `Máy trạm ${r.terminal.id}. Mã đăng ký: ${r.code} (hết hạn ${r.expiresAt}). Trên kiosk chạy: kiosk enrol <địa chỉ máy chủ> ${r.code}\n`,
      );
    }).catch(fail),
  );
terminal
  .command('code <terminalId>')
  .description('Cấp mã đăng ký mới (thay máy, mất mã); mã cũ và khóa cũ hết hiệu lực')
  .option(...dbOption)
  .action((id: string, o: { db: string }) =>
    withStore(o, async (store) => {
      const r = await reissueCode(store, id, now());
      if (!r) throw new Error(`Không có máy trạm ${id}.`);
      process.stdout.write(`Mã đăng ký mới: ${r.code} (hết hạn ${r.expiresAt})\n`);
    }).catch(fail),
  );
terminal
  .command('revoke <terminalId>')
  .description('Thu hồi máy trạm: máy chủ từ chối mọi số liệu của nó')
  .option(...dbOption)
  .action((id: string, o: { db: string }) =>
    withStore(o, async (store) => {
      if (!(await store.revokeTerminal(id, new Date(now()).toISOString()))) throw new Error(`Không có máy trạm ${id}.`);
      process.stdout.write(`Đã thu hồi máy trạm ${id}.\n`);
    }).catch(fail),
  );
terminal
  .command('list')
  .option(...dbOption)
  .action((o: { db: string }) =>
    withStore(o, async (store) => {
      process.stdout.write(`${JSON.stringify(await store.terminals(), null, 2)}\n`);
    }).catch(fail),
  );

await program.parseAsync(argv, { from: 'user' });
