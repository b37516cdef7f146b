// Finding the room's hub on the LAN (electron/core/room/discovery.ts): what a stranger's announcement
// can make of the kiosk (nothing but a checked hint, whatever it carries), and a real announcement
// found over multicast DNS on this machine, then gone once the hub says goodbye.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announceHub, findHubs, hubFromAnnouncement } from '../../../electron/core/room/discovery';
import { silentLogger } from '../../../electron/core/log';

const ctx = { log: silentLogger };
const ROOM = '0123456789abcdef';
const good = { port: 47311, txt: { room: ROOM, call: '47310', v: '1' }, addresses: ['192.168.1.10'], referer: { address: '192.168.1.10', family: 'IPv4' } };

describe('an announcement read as a hub', () => {
  it('takes the room, the two ports and the address the answer came from', () => {
    expect(hubFromAnnouncement(good)).toEqual({ roomId: ROOM, host: '192.168.1.10', pairingPort: 47311, callPort: 47310 });
    // Over IPv6 the announced IPv4 address is used.
    expect(hubFromAnnouncement({ ...good, referer: { address: 'fe80::1', family: 'IPv6' }, addresses: ['fe80::1', '10.0.0.7'] })?.host).toBe('10.0.0.7');
  });

  it('refuses anything a hub does not announce', () => {
    for (const bad of [
      { ...good, txt: { ...good.txt, room: 'ROOM' } },
      { ...good, txt: { ...good.txt, call: '99999' } },
      { ...good, txt: { ...good.txt, call: '0x10' } },
      { ...good, txt: { room: ROOM } },
      { ...good, port: '47311' },
      { ...good, port: 0 },
      { ...good, port: true },
      { ...good, referer: { address: 'evil.example', family: 'IPv4' }, addresses: ['not an address'] },
      { ...good, referer: undefined, addresses: undefined },
      {},
    ]) {
      expect(hubFromAnnouncement(bad as never)).toBeUndefined();
    }
  });

  it('whatever a stranger announces, never throws and never yields anything but a valid hub', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            port: fc.oneof(fc.integer(), fc.anything()),
            txt: fc.oneof(
              fc.record({
                room: fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }), fc.string()),
                call: fc.oneof(fc.nat().map(String), fc.string()),
              }),
              fc.anything(),
            ),
            addresses: fc.oneof(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())), fc.anything()),
            referer: fc.oneof(fc.record({ address: fc.oneof(fc.ipV4(), fc.string()), family: fc.constantFrom('IPv4', 'IPv6', 'x') }), fc.constant(undefined)),
          },
          { requiredKeys: [] },
        ),
        (announcement) => {
          const hub = hubFromAnnouncement(announcement as never);
          if (!hub) return;
          expect(hub.roomId).toMatch(/^[0-9a-f]{16}$/);
          expect(hub.host).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
          for (const p of [hub.pairingPort, hub.callPort]) expect(Number.isInteger(p) && p >= 1 && p <= 65535).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('announcing and finding over multicast DNS', () => {
  it('finds a hub that announces itself, by its room, and forgets it after its goodbye', async () => {
    const roomId = randomBytes(8).toString('hex');
    const stop = announceHub(ctx, { roomId, callPort: 47310, pairingPort: 47311 });
    try {
      const found = await findHubs(ctx, 10_000, roomId);
      expect(found).toEqual([expect.objectContaining({ roomId, pairingPort: 47311, callPort: 47310 })]);
    } finally {
      await stop();
    }
    expect(await findHubs(ctx, 1_500, roomId)).toEqual([]);
  }, 30_000);
});
