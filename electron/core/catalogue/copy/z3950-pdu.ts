// The Z39.50 (ANSI/NISO Z39.50-2003) PDUs copy cataloguing needs, as BER: Init, a Type-1 (RPN)
// search on one bib-1 use attribute, Present, and reading their responses. Written here because
// no maintained npm package speaks Z39.50 (the old `z3950` bindings need a native YAZ build);
// the TLVs themselves are asn1js's (ber.ts). Tag numbers are the standard's ASN.1 module's.
import * as asn1js from 'asn1js';
import {
  bits,
  bool,
  child,
  constructed,
  decode,
  encode,
  explicit,
  implicitOid,
  int,
  oid,
  readBool,
  readInt,
  readOid,
  readText,
  sequence,
  text,
  UNIVERSAL,
  type BerNode,
} from './ber';

export const OID = {
  bib1: '1.2.840.10003.3.1',
  usmarc: '1.2.840.10003.5.10',
  unimarc: '1.2.840.10003.5.1',
  xml: '1.2.840.10003.5.109.10',
  diag1: '1.2.840.10003.4.1',
} as const;

const PDU = { initRequest: 20, initResponse: 21, searchRequest: 22, searchResponse: 23, presentRequest: 24, presentResponse: 25, close: 48 } as const;

/** Largest message and record the client accepts (and says so in Init). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/**
 * Init, with the account when the server asks for one: idAuthentication [7] is a CHOICE, so its tag
 * is explicit around idPass, a SEQUENCE of userId [1] and password [2].
 */
export function initRequest(version: string, account?: { user: string; password: string }): Uint8Array {
  return encode(
    constructed(PDU.initRequest, [
      bits(3, [true, true, true]), // protocol versions 1, 2 and 3
      bits(4, [true, true]), // options: search, present
      int(5, MAX_MESSAGE_BYTES),
      int(6, MAX_MESSAGE_BYTES),
      ...(account ? [explicit(7, sequence(text(1, account.user), text(2, account.password)))] : []),
      text(110, 'commune-kiosk'),
      text(111, 'Kiosk phong doc xa'),
      text(112, version),
    ]),
  );
}

/** One term on one bib-1 use attribute: RPNStructure op [0] → AttributesPlusTerm [102]. */
function termStructure(useAttribute: number, term: string): asn1js.Constructed {
  const attribute = sequence(int(120, 1), int(121, useAttribute));
  return explicit(0, implicitTag(102, sequence(implicitTag(44, sequence(attribute)), implicitOctets(45, term))));
}

/**
 * A search for any of `terms` on one bib-1 use attribute (7 = ISBN: the ISBN-13 and ISBN-10 of a
 * book), records to be fetched by Present. Several terms are joined by rpnRpnOp [1] with or [46][1].
 */
export function searchRequest(database: string, useAttribute: number, terms: readonly string[], syntaxOid: string): Uint8Array {
  let structure: asn1js.BaseBlock = termStructure(useAttribute, terms[0] ?? '');
  for (const term of terms.slice(1)) {
    // or [1] IMPLICIT NULL: an empty primitive (asn1js's Null writes its universal tag whatever idBlock says).
    const or = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 1 } });
    structure = implicitTag(1, sequence(structure, termStructure(useAttribute, term), explicit(46, or)));
  }
  const rpn = implicitTag(1, sequence(oid(OID.bib1), structure));
  return encode(
    constructed(PDU.searchRequest, [
      int(13, 0), // smallSetUpperBound: no records with the search response,
      int(14, 1), // largeSetLowerBound
      int(15, 0), // mediumSetPresentNumber: Present fetches them.
      bool(16, true),
      text(17, 'default'),
      implicitTag(18, sequence(text(105, database))),
      implicitOid(104, syntaxOid),
      explicit(21, rpn),
    ]),
  );
}

export function presentRequest(count: number, elementSet: string, syntaxOid: string): Uint8Array {
  return encode(
    constructed(PDU.presentRequest, [text(31, 'default'), int(30, 1), int(29, count), explicit(19, text(0, elementSet)), implicitOid(104, syntaxOid)]),
  );
}

function implicitTag(tag: number, block: asn1js.Sequence): asn1js.Sequence {
  block.idBlock.tagClass = 3;
  block.idBlock.tagNumber = tag;
  return block;
}
const implicitOctets = (tag: number, value: string) => text(tag, value);

/** A record as the server sent it (its syntax and octets), or the server's reason for not sending it. */
export type Retrieved = { ok: true; syntax: string; data: Uint8Array } | { ok: false; diagnostic: string };

export type Pdu =
  | { kind: 'initResponse'; accepted: boolean }
  | { kind: 'searchResponse'; count: number; success: boolean; diagnostic?: string }
  | { kind: 'presentResponse'; records: Retrieved[]; diagnostic?: string }
  | { kind: 'close'; reason: number }
  | { kind: 'other'; tag: number };

/** DefaultDiagFormat → "condition 114 (use attribute)": what a technician looks up in bib-1's list. */
function diagnostic(node: BerNode | undefined): string {
  if (!node) return 'no diagnostic';
  const condition = node.children.find((c) => c.tagClass === UNIVERSAL && c.tag === 2);
  const addinfo = node.children.find((c) => c.tagClass === UNIVERSAL && (c.tag === 26 || c.tag === 27));
  const code = condition ? readInt(condition) : Number.NaN;
  return `condition ${Number.isNaN(code) ? '?' : code}${addinfo ? ` (${readText(addinfo).slice(0, 200)})` : ''}`;
}

/** Records ::= CHOICE { [28] responseRecords, [130] nonSurrogateDiagnostic, [205] multipleNonSurDiagnostics } */
function records(pdu: BerNode): { records: Retrieved[]; diagnostic?: string } {
  const single = child(pdu, 130);
  if (single) return { records: [], diagnostic: diagnostic(single) };
  const multiple = child(pdu, 205);
  if (multiple) return { records: [], diagnostic: diagnostic(multiple.children[0]?.children[0] ?? multiple.children[0]) };
  const list = child(pdu, 28);
  return { records: (list?.children ?? []).map(namePlusRecord) };
}

/** NamePlusRecord ::= SEQUENCE { name [0] OPTIONAL, record [1] CHOICE { retrievalRecord [1] EXTERNAL, surrogateDiagnostic [2] DiagRec, … } } */
function namePlusRecord(node: BerNode): Retrieved {
  const choice = child(node, 1)?.children[0];
  if (!choice) return { ok: false, diagnostic: 'empty record' };
  if (choice.tag === 2) return { ok: false, diagnostic: diagnostic(choice.children[0]) };
  const external = choice.children[0];
  if (choice.tag !== 1 || !external || external.tagClass !== UNIVERSAL || external.tag !== 8)
    return { ok: false, diagnostic: 'record in an unsupported form (fragment)' };
  const reference = external.children.find((c) => c.tagClass === UNIVERSAL && c.tag === 6);
  const octets = child(external, 1);
  if (!octets) return { ok: false, diagnostic: 'record not sent as octets' };
  // A segmented (constructed) OCTET STRING carries its octets in its children.
  const data = octets.constructed ? concat(octets.children.map((c) => c.content)) : octets.content;
  return { ok: true, syntax: reference ? readOid(reference) : '', data };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** One PDU from the server, or why its octets are not one. Never throws. */
export function readPdu(bytes: Uint8Array): { ok: true; pdu: Pdu } | { ok: false; error: string } {
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  const { node } = decoded;
  if (node.tagClass !== 3 || !node.constructed) return { ok: false, error: 'not a Z39.50 PDU' };
  const intOf = (tag: number) => {
    const found = child(node, tag);
    return found ? readInt(found) : Number.NaN;
  };
  switch (node.tag) {
    case PDU.initResponse: {
      const result = child(node, 12);
      return { ok: true, pdu: { kind: 'initResponse', accepted: result ? readBool(result) : false } };
    }
    case PDU.searchResponse: {
      const count = intOf(23);
      const status = child(node, 22);
      if (Number.isNaN(count) || !status) return { ok: false, error: 'search response without its count or status' };
      const { diagnostic: why } = records(node);
      return { ok: true, pdu: { kind: 'searchResponse', count, success: readBool(status), ...(why ? { diagnostic: why } : {}) } };
    }
    case PDU.presentResponse:
      return { ok: true, pdu: { kind: 'presentResponse', ...records(node) } };
    case PDU.close: {
      const reason = intOf(211);
      return { ok: true, pdu: { kind: 'close', reason: Number.isNaN(reason) ? -1 : reason } };
    }
    default:
      return { ok: true, pdu: { kind: 'other', tag: node.tag } };
  }
}
