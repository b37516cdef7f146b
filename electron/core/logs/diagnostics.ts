// The diagnostics bundle a technician takes away on a USB stick: logs, the self-test, the
// configuration with secrets removed, and system facts. Nothing personal: logs are already
// scrubbed, and no database content goes in.
import { existsSync, readdirSync, readFileSync, statSync, accessSync, constants, createWriteStream, renameSync, rmSync } from 'node:fs';
import { arch, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import type { SelfTestReport } from '#contract/system';
import { maskIdentityNumbers } from '../../../common/privacy/mask';
import { KioskError } from '../errors';
import { LOG_DIR } from './file-logger';

const SECRET_KEY = /secret|password|passwd|token|apikey|api_key|credential|privatekey|pin$/i;
export const REDACTED = '[đã ẩn]';

/** A deep copy of the configuration with every secret-looking value replaced. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? REDACTED : redactSecrets(inner)]));
  }
  if (typeof value === 'string' && /^[a-z]+:\/\/[^/\s:@]+:[^/\s@]+@/i.test(value)) {
    // user:password@ inside a URL
    return value.replace(/\/\/[^/\s:@]+:[^/\s@]+@/, `//${REDACTED}@`);
  }
  return value;
}

/** A folder the technician chose must exist and be writable, said in a sentence they can act on. */
export function checkWritableFolder(folder: string): void {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new KioskError('not_found', `Không tìm thấy thư mục ${folder}. Hãy cắm lại USB hoặc chọn thư mục khác.`, { reason: 'destination_missing' });
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new KioskError('refused', `Không ghi được vào ${folder} (USB bị khóa ghi hoặc đầy?). Hãy chọn USB hoặc thư mục khác.`, {
      reason: 'destination_read_only',
    });
  }
}

export interface DiagnosticsInput {
  dataDir: string;
  destination: string;
  fileName: string;
  selfTest: SelfTestReport;
  configFile: string;
  facts: Record<string, string | number | boolean | null>;
}

export async function writeDiagnosticsBundle(input: DiagnosticsInput): Promise<{ file: string; bytes: number }> {
  checkWritableFolder(input.destination);
  const zip = new yazl.ZipFile();
  const logDir = join(input.dataDir, LOG_DIR);
  if (existsSync(logDir)) {
    // Logs written by older versions may hold an unmasked number: masked again on the way out.
    for (const name of readdirSync(logDir).filter((n) => /^kiosk(\.\d+)?\.log$/.test(n)))
      zip.addBuffer(Buffer.from(maskIdentityNumbers(readFileSync(join(logDir, name), 'utf8'))), `logs/${name}`);
  }
  zip.addBuffer(Buffer.from(maskIdentityNumbers(JSON.stringify(input.selfTest, null, 2))), 'self-test.json');
  let config: unknown = { note: 'Không có tệp cấu hình (kiosk dữ liệu mẫu).' };
  if (existsSync(input.configFile)) {
    const text = readFileSync(input.configFile, 'utf8');
    try {
      config = redactSecrets(JSON.parse(text));
    } catch {
      config = { note: 'Tệp cấu hình không phải JSON hợp lệ; nội dung không được đưa vào để tránh lộ thông tin bí mật.' };
    }
  }
  zip.addBuffer(Buffer.from(maskIdentityNumbers(JSON.stringify(config, null, 2))), 'config.redacted.json');
  const facts = { ...input.facts, platform: platform(), release: release(), arch: arch(), memoryMb: Math.round(totalmem() / 1048576) };
  zip.addBuffer(Buffer.from(JSON.stringify(facts, null, 2)), 'system.json');
  zip.end();

  const file = join(input.destination, input.fileName);
  const partial = `${file}.partial`;
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(partial);
    zip.outputStream.pipe(out).on('close', resolve).on('error', reject);
    zip.outputStream.on('error', reject);
  }).catch((error: unknown) => {
    rmSync(partial, { force: true });
    throw new KioskError('refused', `Không ghi xong gói chẩn đoán vào ${input.destination}: ${(error as Error).message}. Hãy kiểm tra USB rồi thử lại.`, {
      reason: 'export_failed',
    });
  });
  renameSync(partial, file);
  return { file, bytes: statSync(file).size };
}
