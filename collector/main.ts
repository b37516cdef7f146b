// `npm run collector -- <command>`: the provincial statistics service and its technician commands.
// Storage: PostgreSQL when DATABASE_URL is set, else the SQLite file given by --db.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createAccount } from './accounts';
import { registerTerminal, reissueCode } from './admin';
import { readCommuneRegister } from './communes-import';
import { ROLES } from './store/portal-types';
import { createCollector } from './server';
import { readOrCreateSecret } from './key-seal';
import { portalKey } from './pushes';
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
  .option('--secret-file <tệp>', 'tệp bí mật mở khóa ký gửi xuống kiosk (tạo ở lần chạy đầu; mặc định cạnh tệp --db); giữ ngoài cơ sở dữ liệu và sao lưu riêng')
  .action(async (options: { port: string; host: string; db: string; secretFile?: string }) => {
    const secretFile = options.secretFile ?? join(dirname(resolve(options.db)), 'collector-secret.key');
    let keySecret: Buffer;
    try {
      keySecret = readOrCreateSecret(secretFile);
    } catch (error) {
      fail(error);
    }
    const store = await openStore({ ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}), sqliteFile: options.db, keySecret }).catch(
      fail,
    );
    // The push-signing key is made at first start (sealed in the store), not at the first push; a
    // wrong secret file stops the service here, with what to do, rather than at the first upload.
    await portalKey(store, now).catch(async (error: unknown) => {
      await store.close();
      fail(new Error(`${(error as Error).message} (${secretFile})`));
    });
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const admin = program.command('admin').description('Tài khoản của cổng thống kê');
admin
  .command('create <tên-đăng-nhập>')
  .description('Tạo tài khoản (tài khoản quản trị đầu tiên tạo ở đây); mật khẩu đọc từ đầu vào chuẩn, không ghi trên dòng lệnh')
  .requiredOption('--name <họ tên>', 'họ tên người dùng')
  .option('--role <vai trò>', `vai trò: ${ROLES.join(', ')}`, 'admin')
  .option('--commune <mã>', 'mã xã (chỉ cho vai trò commune)')
  .option(...dbOption)
  .action((username: string, o: { name: string; role: string; commune?: string; db: string }) =>
    withStore(o, async (store) => {
      const password = await readStdin();
      const r = await createAccount(store, { username, displayName: o.name, role: o.role as never, communeCode: o.commune ?? null, password }, now());
      if (!r.ok) throw new Error(r.message);
      process.stdout.write(`Đã tạo tài khoản ${r.account.username} (${r.account.role}).\n`);
    }).catch(fail),
  );
admin
  .command('unlock <tên-đăng-nhập>')
  .description('Mở khóa tài khoản bị khóa vì nhập sai mật khẩu')
  .option(...dbOption)
  .action((username: string, o: { db: string }) =>
    withStore(o, async (store) => {
      const account = await store.accountByUsername(username.toLowerCase());
      if (!account) throw new Error(`Không có tài khoản ${username}.`);
      await store.unlock(account.id);
      process.stdout.write(`Đã mở khóa tài khoản ${account.username}.\n`);
    }).catch(fail),
  );
admin
  .command('list')
  .option(...dbOption)
  .action((o: { db: string }) =>
    withStore(o, async (store) => {
      process.stdout.write(`${JSON.stringify(await store.accounts(), null, 2)}\n`);
    }).catch(fail),
  );

program
  .command('communes-import <tệp>')
  .description('Nhập danh mục xã, phường (CSV hoặc XLSX của danh mục hành chính)')
  .option('--province <mã>', 'chỉ nhập các xã của tỉnh này (2 chữ số)')
  .option(...dbOption)
  .action((file: string, o: { province?: string; db: string }) =>
    withStore(o, async (store) => {
      const r = await readCommuneRegister(readFileSync(file), o.province);
      if (!r.ok) throw new Error(r.message);
      const { added, updated } = await store.upsertCommunes(r.communes);
      process.stdout.write(`Đã nhập ${r.communes.length} xã: ${added} mới, ${updated} cập nhật.\n`);
    }).catch(fail),
  );

await program.parseAsync(argv, { from: 'user' });
