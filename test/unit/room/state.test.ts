// This PC's place in the room (room.json): read once and kept while the file stays the same, read
// again as soon as a technician's command replaces it or someone damages it in place.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoomState, roomFile, writeRoomState, type KioskState } from '../../../electron/core/room/state';

const paired: KioskState = {
  role: 'kiosk',
  roomId: '0123456789abcdef',
  pcId: 2,
  name: 'Máy 2',
  hub: { host: '192.168.1.10', port: 47310 },
  ca: 'CA',
  certificate: 'CERT',
  pairedAt: '2026-12-07T01:00:00.000Z',
};

describe('room.json', () => {
  it('is read again whenever it changes, and not in between', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-room-state-'));
    expect(readRoomState(dir)).toBeUndefined();
    writeRoomState(dir, paired);
    const first = readRoomState(dir);
    expect(first).toEqual(paired);
    // Unchanged: the same reading, not a new parse.
    expect(readRoomState(dir)).toBe(first);
    // Paired again (the technician's command writes a new file by rename): the new state.
    writeRoomState(dir, { ...paired, pcId: 3, name: 'Máy 3' });
    expect(readRoomState(dir)).toMatchObject({ pcId: 3, name: 'Máy 3' });
    // Damaged in place: refused with what to do, never the state kept from before.
    writeFileSync(roomFile(dir), '{"role":"kiosk"');
    expect(() => readRoomState(dir)).toThrow(/bị hỏng.*kiosk room join/);
  });
});
