// Running the hub: its two ports (call-server.ts for paired kiosks, pairing-server.ts for pairing),
// bound to loopback or to the LAN as `kiosk room hub` chose. Started by the room feature in the
// process that owns the data folder (host or Electron), closed with the kiosk.
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { createCallServer } from './call-server';
import type { KeyAndCertificate } from './certificates';
import { announceHub } from './discovery';
import { createPairingServer } from './pairing-server';
import { announces, ROOM_KEYS, type HubState } from './state';

export interface RoomHub {
  /** The address bound: 127.0.0.1 (loopback) or 0.0.0.0 (LAN). */
  readonly host: string;
  readonly callPort: number;
  readonly pairingPort: number;
  close(): Promise<void>;
}

export function hubKeys(ctx: KioskContext, state: HubState): { ca: KeyAndCertificate; hub: KeyAndCertificate } {
  const caKey = ctx.keys.load(ROOM_KEYS.ca);
  const hubKey = ctx.keys.load(ROOM_KEYS.hub);
  if (!caKey || !hubKey) {
    throw new KioskError(
      'refused',
      `Không tìm thấy khóa của máy trung tâm trong ${ctx.keys.where}. Hãy khôi phục thư mục khóa, hoặc chạy lại "kiosk room hub" và ghép lại các máy trạm.`,
      {
        reason: 'room_keys_missing',
      },
    );
  }
  return { ca: { key: caKey, certificate: state.ca }, hub: { key: hubKey, certificate: state.certificate } };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new KioskError(
              'refused',
              `Cổng ${port} của phòng đọc đang bị chương trình khác dùng. Hãy tắt chương trình đó, hoặc chọn cổng khác bằng "kiosk room hub --port … --pairing-port …" rồi ghép lại các máy trạm.`,
              {
                reason: 'room_port_busy',
              },
            )
          : error,
      );
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startRoomHub(ctx: KioskContext, state: HubState): Promise<RoomHub> {
  const keys = hubKeys(ctx, state);
  const host = state.listen === 'lan' ? '0.0.0.0' : '127.0.0.1';
  const calls = createCallServer(ctx, keys);
  let callPort = 0;
  const pairing = createPairingServer(ctx, { roomId: state.roomId, ...keys, callPort: () => callPort });
  callPort = await listen(calls, state.port, host);
  let pairingPort: number;
  try {
    pairingPort = await listen(pairing, state.pairingPort, host);
  } catch (error) {
    await close(calls);
    throw error;
  }
  ctx.log.log('info', 'room.hub_listening', { host, callPort, pairingPort });
  const unannounce = announces(state) ? announceHub(ctx, { roomId: state.roomId, callPort, pairingPort }) : async () => undefined;
  return {
    host,
    callPort,
    pairingPort,
    async close() {
      await Promise.all([unannounce(), close(calls), close(pairing)]);
    },
  };
}
