// The translator's kit as an .xlsx file, and installing a checked translation into the data folder.
// The sheet's translation column is headed "Bản dịch [CODE]": the language travels with the file, so
// a translator cannot install Êđê texts as H'Mông by typing the wrong code at import.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { languageCode, localeTree, type LocaleTree } from '#contract/i18n';
import { KioskError } from '../errors';
import { xlsxRows } from '../../../common/xlsx-text';
import { LOCALES_DIR } from './runtime-locales';
import type { FilledRow, KitRow } from './translator-kit';

export const KIT_SHEET = 'Văn bản';
const GUIDE_SHEET = 'Hướng dẫn';
const COLUMNS = ['Khóa (không sửa)', 'Tiếng Việt (bản gốc)', 'English (tham khảo)', 'Bản dịch', 'Độ dài tối đa', 'Ngữ cảnh', 'Ảnh màn hình'] as const;
const translationHeader = (language: string) => `Bản dịch [${language}]`;

const GUIDE = [
  'Bộ văn bản để dịch giao diện máy tra cứu của phòng đọc xã.',
  'Chỉ điền cột "Bản dịch [mã]". Không sửa cột Khóa và không đổi thứ tự cột.',
  'Giữ nguyên các chỗ trống dạng {{ten}}: máy sẽ điền tên sách, ngày, số phút vào đó.',
  'Không viết dài quá số ký tự ở cột "Độ dài tối đa", để chữ không tràn khỏi nút bấm.',
  'Ô có nhiều dòng là một danh sách: dịch đúng số dòng ấy (Alt+Enter để xuống dòng trong ô).',
  'Ô để trống sẽ hiện bằng tiếng Việt. Có thể dịch dần và cài nhiều lần.',
  'Dịch trước nhóm "residents" (tên ngôn ngữ của bạn ở dòng residents:languageName) và "home".',
  'Ảnh màn hình: tên ảnh chụp màn hình có văn bản đó, trong bộ ảnh kèm theo bộ dịch.',
  'Cài đặt: kiosk i18n import TEN-TEP.xlsx — máy kiểm tra từng dòng và chỉ cài khi không còn lỗi.',
];

export async function writeKitFile(file: string, language: string, rows: KitRow[]): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const header = COLUMNS.map((title) => ({
    value: title === 'Bản dịch' ? translationHeader(language) : title,
    fontWeight: 'bold' as const,
    backgroundColor: '#E8EEF7',
  }));
  const text = (value: string) => ({ value, wrap: true });
  const data = [
    header,
    ...rows.map((r) => [text(r.key), text(r.vi), text(r.en), text(r.translation), { value: r.maxLength }, text(r.context), text(r.screenshot)]),
  ];
  const buffer = await writeXlsxFile([
    { data: xlsxRows(data), sheet: KIT_SHEET, columns: [30, 50, 45, 50, 10, 36, 30].map((width) => ({ width })), stickyRowsCount: 1 },
    { data: xlsxRows(GUIDE.map((line) => [{ value: line }])), sheet: GUIDE_SHEET, columns: [{ width: 110 }] },
  ]).toBuffer();
  writeFileSync(file, buffer);
}

export interface KitFile {
  language: string;
  rows: FilledRow[];
}

const refusal = (message: string) => new KioskError('invalid_request', message, { reason: 'bad_kit' });

/** Reads a filled kit; refuses a file that is not one, saying what to do. */
export async function readKitFile(file: string): Promise<KitFile> {
  if (!existsSync(file)) throw refusal(`Không thấy tệp ${file}. Hãy kiểm tra đường dẫn.`);
  const { readSheet } = await import('read-excel-file/node');
  let table: unknown[][];
  try {
    table = (await readSheet(readFileSync(file), KIT_SHEET)) as unknown[][];
  } catch {
    throw refusal(`Không đọc được ${file} như một bộ dịch: tệp phải là .xlsx có trang "${KIT_SHEET}", do lệnh kiosk i18n export tạo ra. Chưa có gì được cài.`);
  }
  const header = (table[0] ?? []).map((cell) => String(cell ?? ''));
  const keyColumn = header.indexOf(COLUMNS[0]);
  const translationColumn = header.findIndex((title) => /^Bản dịch \[[^\]]+\]$/.test(title));
  if (keyColumn < 0 || translationColumn < 0) {
    throw refusal(
      `Dòng đầu của trang "${KIT_SHEET}" phải có cột "${COLUMNS[0]}" và cột "Bản dịch [mã ngôn ngữ]". Hãy xuất lại bộ dịch bằng kiosk i18n export rồi chép bản dịch sang. Chưa có gì được cài.`,
    );
  }
  const language = /\[([^\]]+)\]/.exec(header[translationColumn]!)![1]!.trim();
  if (!languageCode.safeParse(language).success)
    throw refusal(`"${language}" không phải mã ngôn ngữ (ví dụ "ede", "hnj", "tyz"). Hãy sửa tiêu đề cột bản dịch. Chưa có gì được cài.`);
  if (language === 'vi')
    throw refusal('Tiếng Việt là bản gốc của mọi văn bản, không cài bằng bộ dịch. Hãy sửa trong resources/locales/vi. Chưa có gì được cài.');
  const rows: FilledRow[] = [];
  table.slice(1).forEach((cells, index) => {
    const key = String(cells[keyColumn] ?? '').trim();
    if (key) rows.push({ row: index + 2, key, translation: String(cells[translationColumn] ?? '') });
  });
  return { language, rows };
}

/**
 * Installs the translated texts as <dataDir>/locales/<language>/, replacing that language's earlier
 * files as one step: the new folder is written beside the old one and swapped in by rename, so a
 * kiosk starting meanwhile sees the old texts or the new ones, never half of each.
 */
export function installLocale(dataDir: string, language: string, namespaces: Record<string, LocaleTree>): string {
  const root = join(dataDir, LOCALES_DIR);
  mkdirSync(root, { recursive: true });
  const target = join(root, language);
  const tag = randomBytes(4).toString('hex');
  const staging = join(root, `.${language}.new-${tag}`);
  const previous = join(root, `.${language}.old-${tag}`);
  mkdirSync(staging);
  try {
    for (const [namespace, tree] of Object.entries(namespaces)) {
      writeFileSync(join(staging, `${namespace}.json`), `${JSON.stringify(localeTree.parse(tree), null, 2)}\n`);
    }
    if (existsSync(target)) renameSync(target, previous);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (existsSync(previous)) renameSync(previous, target);
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(previous, { recursive: true, force: true });
  }
  return target;
}
