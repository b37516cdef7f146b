// BER for the Z39.50 client, on asn1js (a maintained ASN.1 library): asn1js encodes and decodes
// every TLV; this module only adds Z39.50's implicit context tags, reads a decoded tree into plain
// nodes, and frames PDUs on a TCP stream. The framing reads the identifier and length octets by
// hand: asn1js cannot tell an unfinished PDU from a broken one without decoding all of it, which
// would re-parse a growing buffer for every TCP chunk; an indefinite length still goes through it.
import * as asn1js from 'asn1js';

export const CONTEXT = 3;
export const UNIVERSAL = 1;

export type Block = asn1js.BaseBlock;

/** A decoded TLV: its class and tag, its content octets, and its children when constructed. */
export interface BerNode {
  tagClass: number;
  tag: number;
  constructed: boolean;
  content: Uint8Array;
  children: BerNode[];
}

/** Gives `block` the implicit tag [tag] (context class), keeping its own content encoding. */
export function implicit<T extends Block>(tag: number, block: T): T {
  block.idBlock.tagClass = CONTEXT;
  block.idBlock.tagNumber = tag;
  return block;
}

/** An explicit [tag] around `inner` (a CHOICE or ANY under a context tag). */
export function explicit(tag: number, ...inner: Block[]): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: CONTEXT, tagNumber: tag }, value: inner });
}

export const sequence = (...value: Block[]) => new asn1js.Sequence({ value });
export const int = (tag: number, value: number) => implicit(tag, new asn1js.Integer({ value }));
export const bool = (tag: number, value: boolean) => implicit(tag, new asn1js.Boolean({ value }));
/** InternationalString is GeneralString; sent as UTF-8 octets, which every current server reads. */
export const text = (tag: number, value: string) => implicit(tag, new asn1js.OctetString({ valueHex: new TextEncoder().encode(value) }));
export const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
export const implicitOid = (tag: number, value: string) => implicit(tag, oid(value));
/** A BIT STRING whose bits 0..n-1 are set as listed (Z39.50 options and protocol versions). */
export function bits(tag: number, set: boolean[]): asn1js.BitString {
  const bytes = new Uint8Array(Math.ceil(set.length / 8));
  set.forEach((on, i) => {
    if (on) bytes[i >> 3]! |= 0x80 >> (i & 7);
  });
  return implicit(tag, new asn1js.BitString({ valueHex: bytes, unusedBits: bytes.length * 8 - set.length }));
}
/** An application-defined constructed tag: a PDU is [n] IMPLICIT SEQUENCE. */
export const constructed = (tag: number, value: Block[]) => new asn1js.Constructed({ idBlock: { tagClass: CONTEXT, tagNumber: tag }, value });

export function encode(block: Block): Uint8Array {
  return new Uint8Array(block.toBER());
}

function toNode(block: Block): BerNode {
  const { idBlock, lenBlock } = block;
  const whole = block.valueBeforeDecodeView;
  const header = idBlock.blockLength + lenBlock.blockLength;
  const value = block.valueBlock as unknown as { value?: unknown };
  const children =
    idBlock.isConstructed && Array.isArray(value.value) ? (value.value as Block[]).filter((b) => !(b instanceof asn1js.EndOfContent)).map(toNode) : [];
  return {
    tagClass: idBlock.tagClass,
    tag: idBlock.tagNumber,
    constructed: idBlock.isConstructed,
    content: whole.subarray(header, lenBlock.isIndefiniteForm ? whole.length - 2 : whole.length),
    children,
  };
}

/** One PDU's tree, or a sentence saying why the octets are not BER. Never throws. */
export function decode(bytes: Uint8Array): { ok: true; node: BerNode } | { ok: false; error: string } {
  try {
    const parsed = asn1js.fromBER(bytes);
    if (parsed.offset === -1 || parsed.result.error) return { ok: false, error: parsed.result.error || 'not BER' };
    if (parsed.offset !== bytes.length) return { ok: false, error: `${bytes.length - parsed.offset} octets after the PDU` };
    return { ok: true, node: toNode(parsed.result) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * How many octets the PDU at the start of `buffer` takes: a number once they are all there,
 * 'more' while they are not, 'bad' for octets no BER encoder writes (a tag or length over 4 octets)
 * or a PDU announcing more than `limit` octets (refused before a byte more is read).
 */
export function pduLength(buffer: Uint8Array, limit = Number.MAX_SAFE_INTEGER): number | 'more' | 'bad' {
  let at = 1;
  if (buffer.length < 2) return 'more';
  if ((buffer[0]! & 0x1f) === 0x1f) {
    // High tag number: base-128 octets, the last without its top bit.
    while (at < buffer.length && buffer[at]! & 0x80) if (++at > 5) return 'bad';
    at++;
  }
  if (at >= buffer.length) return 'more';
  const first = buffer[at++]!;
  if (first === 0x80) {
    // Indefinite form: complete when asn1js decodes it to the end-of-contents octets.
    // asn1js throws on some octets (a RangeError for an odd-length UniversalString, found by
    // the property test): those are not a PDU.
    try {
      const parsed = asn1js.fromBER(buffer);
      return parsed.offset === -1 ? 'more' : parsed.offset;
    } catch {
      return 'bad';
    }
  }
  if (!(first & 0x80)) return at + first <= buffer.length ? at + first : 'more';
  const octets = first & 0x7f;
  if (octets > 4) return 'bad';
  if (at + octets > buffer.length) return 'more';
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + buffer[at++]!;
  if (at + length > limit) return 'bad';
  return at + length <= buffer.length ? at + length : 'more';
}

/** A node's content read as an INTEGER (the content of an implicit [n] INTEGER); NaN when it is not one. */
export function readInt(node: BerNode): number {
  const value = new asn1js.Integer();
  const end = value.valueBlock.fromBER(new Uint8Array(node.content).buffer, 0, node.content.length);
  // toBigInt, not valueDec: asn1js 3.1's valueDec reads 4-octet values such as 0x00800000 as 0
  // (found by the property test in test/unit/catalogue/copy-ber.test.ts).
  return end === -1 || node.content.length === 0 || node.content.length > 6 ? Number.NaN : Number(value.toBigInt());
}

export const readBool = (node: BerNode): boolean => node.content.length > 0 && node.content[0] !== 0;
export const readText = (node: BerNode): string => new TextDecoder('utf-8').decode(node.content);

/** An OBJECT IDENTIFIER's dotted form, or '' when its octets are not one. */
export function readOid(node: BerNode): string {
  const value = new asn1js.ObjectIdentifier();
  const end = value.valueBlock.fromBER(new Uint8Array(node.content).buffer, 0, node.content.length);
  return end === -1 || node.content.length === 0 ? '' : value.getValue();
}

/** The first child with this context tag. */
export const child = (node: BerNode, tag: number, tagClass = CONTEXT): BerNode | undefined =>
  node.children.find((c) => c.tag === tag && c.tagClass === tagClass);
