// `kiosk config validate FILE`: every problem with its key path, the value found and what is expected.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfigFile } from '../../core/config/load';
import { CliFailure, printResult, run, type CommonOptions } from '../output';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('Tệp cấu hình kiosk');
  config
    .command('validate')
    .description('Kiểm tra một tệp cấu hình')
    .argument('<file>', 'tệp kiosk.config.json')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions) =>
      run(options, async () => {
        const result = loadConfigFile(resolve(file));
        if (result.ok === 'absent') throw new CliFailure(`Không tìm thấy tệp ${result.file}. Hãy kiểm tra đường dẫn.`, 2);
        if (!result.ok) {
          const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
          throw new CliFailure(`Tệp cấu hình ${result.file} có ${result.problems.length} lỗi:\n${lines}`, 1, { file: result.file, problems: result.problems });
        }
        printResult(options, { ok: true, file: result.file, config: result.config }, () => `Tệp cấu hình ${result.file} hợp lệ.`);
      }),
    );
}
