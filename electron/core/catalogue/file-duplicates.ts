// Within one import file, a control number or an item barcode may appear once: a later unit that
// repeats one is rejected (with the number of the earlier unit), the earlier one is kept. This
// depends on the file alone, so it runs wherever the file is read (in the import or in its reader
// thread, see parallel-read.ts).
import type { ReadUnit } from './read-file';

/** Rejects later units that repeat a control number or a barcode of an earlier unit in the same file. */
export function* rejectDuplicatesInFile(units: Iterable<ReadUnit>): Generator<ReadUnit> {
  const controls = new Map<string, number>();
  const barcodes = new Map<string, number>();
  for (const unit of units) {
    checkDuplicates(unit, controls, barcodes);
    yield unit;
  }
}

function checkDuplicates(unit: ReadUnit, controls: Map<string, number>, barcodes: Map<string, number>): void {
  if (!unit.mapped.ok) return;
  const { record } = unit.mapped;
  const label = unit.unit === 'record' ? `Bản ghi số ${unit.at}` : `Dòng ${unit.at}`;
  const earlier = unit.unit === 'record' ? 'bản ghi số' : 'dòng';
  const control = record.controlNumber ? controls.get(record.controlNumber) : undefined;
  if (control !== undefined) {
    unit.mapped = {
      ok: false,
      problem: {
        reason: 'duplicate_in_file',
        message: `${label} trùng số kiểm soát ${record.controlNumber} với ${earlier} ${control} trong cùng tệp. Hãy giữ một bản rồi nhập lại.`,
      },
    };
    return;
  }
  const repeated = record.items.find((item) => barcodes.has(item.barcode));
  if (repeated) {
    unit.mapped = {
      ok: false,
      problem: {
        reason: 'duplicate_in_file',
        message: `${label} dùng lại mã vạch ${repeated.barcode} đã có ở ${earlier} ${barcodes.get(repeated.barcode)} trong cùng tệp. Mỗi cuốn sách cần một mã vạch riêng.`,
      },
    };
    return;
  }
  if (record.controlNumber) controls.set(record.controlNumber, unit.at);
  for (const item of record.items) barcodes.set(item.barcode, unit.at);
}
