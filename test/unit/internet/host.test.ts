// The host normaliser and the local-address test behind the URL policy (issue #15, finding 3):
// total on any input, idempotent, and blind to the spellings attackers use for the same address.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipv6Groups, isLocalAddress, isLocalHost, isLocalName, normaliseHost } from '../../../electron/core/internet/host';

describe('normaliseHost', () => {
  it.each([
    ['BET365.COM..', 'bet365.com'],
    ['bet365.com...', 'bet365.com'],
    ['localhost..', 'localhost'],
    ['Thư-Viện.VN.', 'xn--th-vin-4zb3960d.vn'],
    ['[::1]', '[::1]'],
    ['[not-v6]', ''],
    ['..', ''],
    ['a..b', ''],
    ['', ''],
    // Full-width and ideographic dots are dots only after IDNA: no empty label gets through that way.
    ['。casino.example', ''],
    ['casino。。example', ''],
    ['casino．example', 'casino.example'],
  ])('%s → %s', (raw, normal) => expect(normaliseHost(raw)).toBe(normal));

  it('never throws, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.domain(),
          fc.ipV4(),
          fc.ipV6().map((a) => `[${a}]`),
          fc.string({ unit: 'binary' }),
        ),
        (raw) => {
          const once = normaliseHost(raw);
          expect(normaliseHost(once)).toBe(once);
        },
      ),
    );
  });

  it('ignores any number of trailing dots and the case', () => {
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 0, max: 5 }), (domain, dots) => {
        expect(normaliseHost(domain.toUpperCase() + '.'.repeat(dots))).toBe(normaliseHost(domain));
      }),
    );
  });
});

describe('isLocalAddress: every IPv6 spelling of a private IPv4 address is private', () => {
  const privateV4 = fc.oneof(
    fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), fc.nat(255), fc.nat(255)),
  );
  const hex = ([a, b, c, d]: number[]) => `${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  it('as dotted, mapped, compatible, NAT64 and SIIT forms', () => {
    fc.assert(
      fc.property(privateV4, (parts) => {
        const dotted = parts.join('.');
        for (const form of [
          dotted,
          `::ffff:${dotted}`,
          `::ffff:${hex(parts)}`,
          `::${dotted}`,
          `::${hex(parts)}`,
          `64:ff9b::${dotted}`,
          `64:ff9b::${hex(parts)}`,
          `::ffff:0:${dotted}`,
        ]) {
          expect(isLocalAddress(form), form).toBe(true);
          expect(isLocalHost(`[${form}]`) || !form.includes(':'), form).toBe(true);
        }
      }),
    );
  });
  it('leaves public addresses public', () => {
    for (const address of ['8.8.8.8', '203.113.131.1', '2606:4700::1111', '2001:4860:4860::8888', '64:ff9b::808:808', '::ffff:8.8.8.8']) {
      expect(isLocalAddress(address), address).toBe(false);
    }
  });
  it('groups IPv6 addresses fully', () => {
    expect(ipv6Groups('::127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0, 0x7f00, 1]);
    expect(ipv6Groups('64:ff9b::7f00:1')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0x7f00, 1]);
    expect(ipv6Groups('nonsense')).toBeUndefined();
  });
});

describe('isLocalName', () => {
  it.each(['router.lan', 'intranet', 'fritz.box', 'printer.local', 'nas.home.arpa', 'localhost', 'a.localhost', 'server.internal', 'MYPC.'])(
    '%s is local',
    (name) => expect(isLocalName(name)).toBe(true),
  );
  it.each(['vnexpress.net', 'dichvucong.gov.vn', 'lan.vn', 'box.com.vn'])('%s is not', (name) => expect(isLocalName(name)).toBe(false));
  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        expect(typeof isLocalHost(raw)).toBe('boolean');
      }),
    );
  });
});
