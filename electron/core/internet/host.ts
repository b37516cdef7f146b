// Host names and addresses as the URL policy compares them: one normal form per host (lower case,
// punycode, every trailing dot gone) and one answer to "is this the kiosk or the room's network?",
// for names (single-label, .local, .lan, .home.arpa …) and for every spelling of an IP address
// (IPv4-mapped, -compatible and NAT64 IPv6, ULA, link-local, CGNAT). Pure and total: never throws.
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** Names that only mean something inside a home or office network (RFC 6762, 8375, common router defaults). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'lan', 'home.arpa', 'home', 'internal', 'intranet', 'corp', 'private', 'localdomain', 'box', 'router', 'gateway'];

/**
 * The normal form of a host: lower case, IDN as punycode, brackets kept on IPv6, all trailing dots
 * stripped (`bet365.com..` is `bet365.com`). '' when it is not a host at all.
 */
export function normaliseHost(raw: string): string {
  let text = String(raw).trim().toLowerCase();
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1);
    return isIP(inner) === 6 ? `[${inner}]` : '';
  }
  text = text.replace(/\.+$/, '');
  if (!text || text.startsWith('.') || text.includes('..')) return '';
  let ascii: string;
  try {
    ascii = domainToASCII(text).replace(/\.+$/, '');
  } catch {
    return '';
  }
  // Full-width and ideographic dots become '.' only here: '。casino.example' must not pass as '.casino.example'.
  return !ascii || ascii.startsWith('.') || ascii.includes('..') ? '' : ascii;
}

function ipv4Local(a: number, b: number): boolean {
  return (
    a === 127 ||
    a === 0 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

/** The eight 16-bit groups of an IPv6 address (embedded dotted IPv4 included), or undefined. */
export function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...(tail !== undefined ? Array(missing).fill('0') : []), ...right].map((g) => parseInt(g || '0', 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}

/** Is this literal IP address (v4 or v6, brackets optional) the kiosk itself or a private network? */
export function isLocalAddress(raw: string): boolean {
  const address = raw.startsWith('[') ? raw.slice(1, -1) : raw;
  const kind = isIP(address);
  if (kind === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return ipv4Local(a, b);
  }
  const g = ipv6Groups(address);
  if (!g) return false;
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  const v4 = () => ipv4Local(g[6]! >> 8, g[6]! & 255);
  if (zeroTo(8)) return true; // ::
  if (zeroTo(7) && g[7] === 1) return true; // ::1
  if (zeroTo(5) && g[5] === 0xffff) return v4(); // ::ffff:a.b.c.d (mapped)
  if (zeroTo(6)) return v4() || true; // ::a.b.c.d (compatible, deprecated: never a public host)
  if (g[0] === 0x64 && g[1] === 0xff9b) return g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0 ? v4() : true; // NAT64 (64:ff9b::/96; /48 local use)
  if (zeroTo(4) && g[4] === 0xffff && g[5] === 0) return v4(); // ::ffff:0:a.b.c.d (SIIT)
  if (g[0] === 0x2002) return ipv4Local(g[1]! >> 8, g[1]! & 255); // 6to4 wraps an IPv4 address
  if ((g[0]! & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0) return true; // link-local, site-local
  if ((g[0]! & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  return false;
}

/** Single-label names and local suffixes: resolved by the room's router, never a public site. */
export function isLocalName(host: string): boolean {
  const name = normaliseHost(host);
  if (!name || name.startsWith('[') || isIP(name)) return false;
  if (!name.includes('.')) return true;
  return LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/**
 * Names that only exist to point at an address written inside them (nip.io, sslip.io …):
 * `192.168.1.1.nip.io` is the router whatever public DNS says.
 */
export function embeddedAddress(host: string): string | undefined {
  const dotted = /(?:^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})\.(?:nip\.io|sslip\.io|xip\.io|traefik\.me|localtest\.me|lvh\.me)$/.exec(host);
  if (dotted) return dotted.slice(1).join('.');
  if (/(^|\.)(localtest\.me|lvh\.me|vcap\.me)$/.test(host)) return '127.0.0.1';
  return undefined;
}

/** One answer for a URL's host: local by name, by literal address, or by an address spelled in the name. */
export function isLocalHost(host: string): boolean {
  const name = normaliseHost(host);
  if (!name) return false;
  if (name.startsWith('[') || isIP(name)) return isLocalAddress(name);
  if (isLocalName(name)) return true;
  const embedded = embeddedAddress(name);
  return embedded !== undefined && isLocalAddress(embedded);
}
