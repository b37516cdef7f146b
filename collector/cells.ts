// Spreadsheet safety for every export: a text cell that a spreadsheet could read as a formula
// (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, so a commune or
// terminal name typed as "=HYPERLINK(...)" stays text (OWASP CSV injection).
export type CellValue = string | number | null;

export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const safeCell = (value: CellValue): CellValue => (typeof value === 'string' ? neutralise(value) : value);
