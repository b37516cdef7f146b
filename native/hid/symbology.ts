// AIM symbology identifiers (ISO/IEC 15424: "]" + code character + modifier) → readable names.
const AIM: Record<string, string> = {
  A: 'code39',
  C: 'code128',
  E: 'ean-upc',
  F: 'codabar',
  G: 'code93',
  I: 'itf',
  L: 'pdf417',
  Q: 'qr',
  d: 'datamatrix',
  z: 'aztec',
  e: 'gs1-databar',
  X: 'other',
};

/** `]E0` → 'ean-13'; unknown or empty identifiers give undefined (symbology is optional in a scan event). */
export function symbologyFromAim(aim: string): string | undefined {
  if (aim.length < 2 || aim[0] !== ']') return undefined;
  const name = AIM[aim[1]!];
  if (name === 'ean-upc') return aim[2] === '4' ? 'ean-8' : 'ean-13';
  return name;
}
