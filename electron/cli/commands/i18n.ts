// `kiosk i18n check`: missing and unused text keys per locale (bundled and in the data folder);
// fails when Vietnamese or English lacks a key a screen uses.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseDataDir } from '../../core/config/data-dir';
import { checkI18n } from '../../core/i18n/check';
import { CliFailure, printResult, run, type CommonOptions } from '../output';

// The source tree: three folders up from this file when run from source, one up from dist/cli.mjs.
const ROOT =
  ['../../../', '../'].map((candidate) => fileURLToPath(new URL(candidate, import.meta.url))).find((dir) => existsSync(join(dir, 'resources', 'locales'))) ??
  fileURLToPath(new URL('../', import.meta.url));

export function registerI18nCommands(program: Command): void {
  const i18n = program.command('i18n').description('Văn bản giao diện và ngôn ngữ');
  i18n
    .command('check')
    .description('Liệt kê khóa văn bản còn thiếu và không dùng đến của từng ngôn ngữ')
    .option('--data-dir <dir>', 'thư mục dữ liệu (thêm các ngôn ngữ trong locales/)')
    .option('--json', 'in một tài liệu JSON')
    .action((options: CommonOptions) =>
      run(options, async () => {
        const report = checkI18n({ root: ROOT, dataDir: chooseDataDir(options.dataDir) });
        const failing = report.locales.filter((l) => (l.language === 'vi' || l.language === 'en') && l.missing.length > 0);
        if (!report.ok) {
          const lines = failing.map((l) => `  ${l.language}: thiếu ${l.missing.length} khóa (${l.missing.slice(0, 8).join(', ')}${l.missing.length > 8 ? ', …' : ''})`);
          throw new CliFailure(
            `Bản tiếng Việt hoặc tiếng Anh còn thiếu văn bản. Hãy thêm các khóa sau vào resources/locales rồi chạy lại lệnh:\n${lines.join('\n')}`,
            1,
            report,
          );
        }
        printResult(options, report, () =>
          [
            ...report.locales.map((l) => `${l.language} (${l.source}): ${l.keys} khóa, thiếu ${l.missing.length}, không dùng ${l.unused.length}, thừa ${l.extra.length}`),
            ...report.problems.map((p) => `! ${p.file}: ${p.message}`),
          ].join('\n'),
        );
      }),
    );
}
