// `kiosk i18n check`: missing and unused text keys per locale (bundled and in the data folder);
// fails when Vietnamese or English lacks a key a screen uses.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseDataDir } from '../../core/config/data-dir';
import { checkI18n } from '../../core/i18n/check';
import { installLocale, readKitFile, writeKitFile } from '../../core/i18n/kit-file';
import { readLocaleDir, readRuntimeLocales } from '../../core/i18n/runtime-locales';
import { checkKit, kitRows, type KitSource } from '../../core/i18n/translator-kit';
import { languageCode, type LocaleTree } from '#contract/i18n';
import { CliFailure, printResult, run, type CommonOptions } from '../output';

// The source tree: three folders up from this file when run from source, one up from dist/cli.mjs;
// an installed kiosk has no source tree, and finds the texts build.mjs copied into dist/resources.
const ROOT =
  ['../../../', '../', './']
    .map((candidate) => fileURLToPath(new URL(candidate, import.meta.url)))
    .find((dir) => existsSync(join(dir, 'resources', 'locales'))) ?? fileURLToPath(new URL('../', import.meta.url));

/** The bundled Vietnamese and English texts, and what a language has so far (bundled, then the data folder's). */
function kitSource(dataDir: string, language: string): KitSource {
  const bundled = readLocaleDir(join(ROOT, 'resources', 'locales')).locales;
  const runtime = readRuntimeLocales(dataDir).locales;
  const namespacesOf = (list: typeof bundled, code: string) => list.find((l) => l.language === code)?.namespaces ?? {};
  const current: Record<string, LocaleTree> = { ...namespacesOf(bundled, language) };
  for (const [ns, tree] of Object.entries(namespacesOf(runtime, language))) current[ns] = { ...(current[ns] ?? {}), ...tree };
  return { vi: namespacesOf(bundled, 'vi'), en: namespacesOf(bundled, 'en'), current };
}

export function registerI18nCommands(program: Command): void {
  const i18n = program.command('i18n').description('Văn bản giao diện và ngôn ngữ');
  i18n
    .command('export')
    .description('Ghi bộ dịch (tệp .xlsx): mọi văn bản kèm bản tiếng Việt, ngữ cảnh và ảnh màn hình, để dịch sang một ngôn ngữ')
    .requiredOption('--lang <code>', "mã ngôn ngữ sẽ dịch sang, ví dụ ede (Êđê), hnj (H'Mông), tyz (Tày)")
    .argument('<file>', 'tệp .xlsx sẽ ghi')
    .option('--data-dir <dir>', 'thư mục dữ liệu (bản dịch đã cài được điền sẵn)')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions & { lang: string }) =>
      run(options, async () => {
        const language = languageCode.safeParse(options.lang);
        if (!language.success || options.lang === 'vi')
          throw new CliFailure(`"${options.lang}" không dùng được: hãy cho mã ngôn ngữ khác tiếng Việt, 2–3 chữ thường, ví dụ --lang ede.`, 2);
        const rows = kitRows(kitSource(chooseDataDir(options.dataDir), options.lang));
        await writeKitFile(file, options.lang, rows);
        const done = rows.filter((r) => r.translation).length;
        printResult(
          options,
          { file, language: options.lang, texts: rows.length, translated: done },
          () =>
            `Đã ghi ${rows.length} văn bản (${done} đã có bản dịch) vào ${file}.\nGửi tệp cho người dịch; khi họ điền xong cột "Bản dịch [${options.lang}]", cài bằng: kiosk i18n import ${file}`,
        );
      }),
    );
  i18n
    .command('import')
    .description('Kiểm tra bộ dịch đã điền (chỗ trống, độ dài, danh sách) rồi cài ngôn ngữ vào thư mục dữ liệu')
    .argument('<file>', 'tệp .xlsx do kiosk i18n export tạo và người dịch đã điền')
    .option('--data-dir <dir>', 'thư mục dữ liệu')
    .option('--json', 'in một tài liệu JSON')
    .action((file: string, options: CommonOptions) =>
      run(options, async () => {
        const kit = await readKitFile(file);
        const dataDir = chooseDataDir(options.dataDir);
        const checked = checkKit(kit.rows, kitSource(dataDir, kit.language));
        const report = {
          language: kit.language,
          translated: checked.translated,
          untranslated: checked.untranslated,
          errors: checked.errors,
          warnings: checked.warnings,
        };
        if (checked.errors.length) {
          const lines = checked.errors.slice(0, 20).map((p) => `  dòng ${p.row} (${p.key}): ${p.message}`);
          const more = checked.errors.length > 20 ? `\n  … và ${checked.errors.length - 20} dòng khác` : '';
          throw new CliFailure(
            `Bộ dịch có ${checked.errors.length} dòng cần sửa; chưa có gì được cài. Sửa các dòng sau trong tệp rồi chạy lại lệnh:\n${lines.join('\n')}${more}`,
            1,
            report,
          );
        }
        if (checked.translated === 0) throw new CliFailure(`Cột "Bản dịch [${kit.language}]" còn trống: chưa có gì để cài.`, 1, report);
        const installed = installLocale(dataDir, kit.language, checked.namespaces);
        printResult(options, { ...report, installed }, () =>
          [
            `Đã cài ngôn ngữ ${kit.language} vào ${installed}: ${checked.translated} văn bản đã dịch; ${checked.untranslated} văn bản chưa dịch sẽ hiện bằng tiếng Việt.`,
            ...checked.warnings.map((w) => `! dòng ${w.row}: ${w.message}`),
            'Tải lại màn hình kiosk (hoặc khởi động lại) để thấy ngôn ngữ mới trên màn hình chính.',
          ].join('\n'),
        );
      }),
    );
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
          const lines = failing.map(
            (l) => `  ${l.language}: thiếu ${l.missing.length} khóa (${l.missing.slice(0, 8).join(', ')}${l.missing.length > 8 ? ', …' : ''})`,
          );
          throw new CliFailure(
            `Bản tiếng Việt hoặc tiếng Anh còn thiếu văn bản. Hãy thêm các khóa sau vào resources/locales rồi chạy lại lệnh:\n${lines.join('\n')}`,
            1,
            report,
          );
        }
        printResult(options, report, () =>
          [
            ...report.locales.map(
              (l) => `${l.language} (${l.source}): ${l.keys} khóa, thiếu ${l.missing.length}, không dùng ${l.unused.length}, thừa ${l.extra.length}`,
            ),
            ...report.problems.map((p) => `! ${p.file}: ${p.message}`),
          ].join('\n'),
        );
      }),
    );
}
