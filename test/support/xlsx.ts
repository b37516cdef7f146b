// Reading back the XLSX files the kiosk and the portal write, the way a spreadsheet program would:
// the cells' values (read-excel-file, what the kiosk's own import uses) and, separately, whether any
// cell carries a formula (the raw sheet XML, since a reader shows a formula's cached value).
import { readSheet } from 'read-excel-file/node';
import yauzl from 'yauzl';

export type XlsxCell = string | number | boolean | Date | null;

/** The first sheet's rows, each cell's value as written (merged cells: the value in the first cell). */
export async function xlsxRows(file: Buffer | ArrayBuffer): Promise<XlsxCell[][]> {
  return (await readSheet(Buffer.from(file as ArrayBuffer))) as XlsxCell[][];
}

/** Every non-empty cell of the first sheet as text, row by row. */
export async function xlsxTexts(file: Buffer | ArrayBuffer): Promise<string[]> {
  return (await xlsxRows(file)).flatMap((row) => row.filter((cell) => cell !== null && cell !== '').map(String));
}

/** How many cells of any sheet hold a formula (`<f>` elements in the sheet XML). */
export function xlsxFormulaCount(file: Buffer | ArrayBuffer): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(file as ArrayBuffer), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      let count = 0;
      zip.on('error', reject);
      zip.on('end', () => resolve(count));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return reject(openError ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            count += (
              Buffer.concat(chunks)
                .toString('utf8')
                .match(/<f[\s>/]/g) ?? []
            ).length;
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
