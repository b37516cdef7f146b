// A room kiosk's heartbeat (issue #18, item 4): every few seconds, and at once when its internet
// service changes, it tells the hub what its PC is doing, and carries out what staff asked of it from
// any console of the room. A request is carried out once: its number is remembered, and its
// acknowledgement is sent again until a heartbeat gets through.
import { ROOM_HEARTBEAT_MS, type RoomHeartbeat } from '#contract/room';
import type { KioskContext } from '../context';
import { internetOf } from '../internet/context';
import { applyConsoleAction, internetReport, reportShape } from '../internet/room-report';
import type { HubLink } from './client';

/** How many carried-out request numbers are remembered (far more than can be pending at once). */
const REMEMBERED = 200;

export function startHeartbeat(ctx: KioskContext, link: HubLink): () => void {
  const ic = internetOf(ctx);
  let done: RoomHeartbeat['done'] = [];
  const carried: number[] = [];
  let sending = false;
  let again = false;
  let lastShape = '';

  const beat = async (): Promise<void> => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      const report = internetReport(ic);
      lastShape = reportShape(report);
      const commands = await link.heartbeat({ internet: report, done });
      if (!commands) return;
      done = [];
      for (const command of commands) {
        if (!carried.includes(command.id)) {
          carried.push(command.id);
          if (carried.length > REMEMBERED) carried.shift();
          let refusal: string | null = null;
          try {
            applyConsoleAction(ic, command, null);
          } catch (error) {
            refusal = String((error as Error)?.message ?? error).slice(0, 300);
          }
          done.push({ id: command.id, refused: refusal });
        } else if (!done.some((d) => d.id === command.id)) {
          done.push({ id: command.id, refused: null });
        }
      }
      // What was carried out changed this PC: say so now rather than in five seconds.
      if (commands.length > 0) again = true;
    } catch (error) {
      ctx.log.log('warn', 'room.heartbeat_failed', { error: String((error as Error)?.message ?? error).slice(0, 200) });
    } finally {
      sending = false;
      if (again) {
        again = false;
        void beat();
      }
    }
  };

  const timer = setInterval(() => void beat(), ROOM_HEARTBEAT_MS);
  timer.unref?.();
  // A session starting, ending or stepping away shows on the consoles at once; the countdown's
  // every-second state does not (the minutes left go with the regular beat).
  const off = ctx.bus.on('internet.state', () => {
    if (reportShape(internetReport(ic)) !== lastShape) void beat();
  });
  void beat();
  return () => {
    clearInterval(timer);
    off();
  };
}
