// Text for an XLSX cell, as it is to be read back. Spreadsheet programs (and read-excel-file) read a
// run `_xHHHH_` in a cell's text as the character U+HHHH, an escape of the file format, and
// write-excel-file writes text as it is given; so a translation or a commune's name holding such a
// run would come back changed ("_x0041_" as "A"). The format escapes the run's underscore as
// `_x005F_`, which reads back as "_".
export function xlsxText(value: string): string {
  return value.replace(/_x[0-9A-Fa-f]{4}_/g, (run) => `_x005F_${run.slice(1)}`);
}
