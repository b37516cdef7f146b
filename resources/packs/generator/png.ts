// A tiny PNG encoder for generated covers: a coloured card with a lighter band and a few shapes,
// so each topic's items are told apart at a glance. No text: titles are drawn by the screen.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export type Rgb = readonly [number, number, number];

/** width × height RGB image; `pixel(x, y)` gives each colour. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];

/** A 300×400 cover in `color` with a pattern chosen by `motif`. */
export function makeCover(color: Rgb, motif: 'sun' | 'waves' | 'leaf' | 'book' | 'note' | 'house'): Buffer {
  const light: Rgb = mix(color, [255, 255, 255], 0.75);
  const dark: Rgb = mix(color, [0, 0, 0], 0.35);
  return encodePng(300, 400, (x, y) => {
    if (y > 300) return dark;
    const cx = x - 150;
    const cy = y - 150;
    const r = Math.hypot(cx, cy);
    switch (motif) {
      case 'sun':
        if (r < 55) return light;
        if (r < 95 && Math.abs(Math.sin(Math.atan2(cy, cx) * 6)) > 0.8) return mix(color, light, 0.5);
        break;
      case 'waves':
        if (Math.abs(y - 150 - 25 * Math.sin(x / 22)) < 10 || Math.abs(y - 200 - 25 * Math.sin(x / 22 + 1)) < 10) return light;
        break;
      case 'leaf':
        if ((cx * cx) / (45 * 45) + (cy * cy) / (90 * 90) < 1) return Math.abs(cx) < 3 ? dark : light;
        break;
      case 'book':
        if (Math.abs(cx) < 95 && Math.abs(cy) < 70 && Math.abs(cx) > 4) return Math.abs(cy) % 18 < 3 && Math.abs(cx) > 20 ? mix(light, dark, 0.4) : light;
        break;
      case 'note':
        if (Math.hypot(cx + 30, cy - 50) < 28 || (cx > -6 && cx < 4 && cy > -80 && cy < 50) || (cx > -6 && cx < 60 && cy > -80 && cy < -62)) return light;
        break;
      case 'house':
        if ((cy > -10 && cy < 80 && Math.abs(cx) < 70) || (cy <= -10 && cy > -90 && Math.abs(cx) < (cy + 90) * 1.1)) return Math.abs(cx) < 15 && cy > 30 ? dark : light;
        break;
    }
    return y < 24 ? mix(color, light, 0.3) : color;
  });
}
