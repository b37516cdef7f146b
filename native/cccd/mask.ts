// Masking for diagnostics and logs: a CCCD number or QR text is never shown or written whole.

/** 001099012345 → 001*******45: the province code and the last two digits are enough to tell cards apart on site. */
export function maskIdNumber(id: string): string {
  if (id.length <= 5) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}

/** A whole CCCD QR text reduced to its masked ID number; nothing else of it (name, address) survives. */
export function maskCccdText(text: string): string {
  const id = /^\s*(\d{12})\|/.exec(text)?.[1];
  return id ? `${maskIdNumber(id)}|…` : '***';
}
