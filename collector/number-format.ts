// One Intl.NumberFormat per locale and shape, made once. Making a formatter costs far more than
// formatting with one, and a national dashboard or official report formats tens of thousands of
// numbers (3,300 communes), so the pages and the report files share these.
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, maximumFractionDigits: number, minimumFractionDigits = 0): Intl.NumberFormat {
  const key = `${locale}:${maximumFractionDigits}:${minimumFractionDigits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits, minimumFractionDigits })));
  return format;
}
