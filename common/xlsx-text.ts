// Text for an XLSX cell, as it is to be read back. Spreadsheet programs (and read-excel-file) read a
// run `_xHHHH_` in a cell's text as the character U+HHHH, an escape of the file format, and
// write-excel-file writes text as it is given; so a translation or a commune's name holding such a
// run would come back changed ("_x0041_" as "A"). The format escapes the run's underscore as
// `_x005F_`, which reads back as "_". Every writer hands its rows through `xlsxRows`, so no text
// cell (a heading, a name, a translation) is left out.
function xlsxText(value: string): string {
  return value.replace(/_x[0-9A-Fa-f]{4}_/g, (run) => `_x005F_${run.slice(1)}`);
}

/** A cell as write-excel-file takes it: a value itself, or an object with `value` and its style. */
function textCell(cell: unknown): unknown {
  if (typeof cell === 'string') return xlsxText(cell);
  const value = (cell as { value?: unknown } | null)?.value;
  return typeof value === 'string' ? { ...(cell as object), value: xlsxText(value) } : cell;
}

/** A sheet's rows with every text cell made to read back as given. */
export function xlsxRows<Row extends readonly unknown[]>(rows: readonly Row[]): Row[] {
  return rows.map((row) => row.map(textCell) as unknown as Row);
}
