// Years of a reading room's events written straight into a store (sign-ins, loans, returns,
// internet sessions, staff actions, with their resident dimensions), for the statistics report's
// tests and benchmarks: the report then has every day of the history to recompute and read.
import { appendEvent } from '../../electron/core/store/event-log';
import type { Db } from '../../electron/core/store/open';

const CATEGORIES = ['adult', 'child', 'student', 'senior'];

/** Writes `perDay` events a day for `days` days from `firstDayAt` (an instant on the first day), in one transaction. */
export function writeEventHistory(db: Db, firstDayAt: number, days: number, perDay: number): number {
  db.transaction(() => {
    for (let d = 0; d < days; d++) {
      for (let i = 0; i < perDay; i++) {
        const at = firstDayAt + d * 86_400_000 + i * Math.floor(36_000_000 / perDay);
        const dims = { category: CATEGORIES[i % 4], gender: i % 2 ? 'male' : 'female', ageBand: i % 3 ? '18-35' : '6-14' };
        const patronId = (d * 7 + i) % 900;
        switch (i % 6) {
          case 0:
            appendEvent(db, at, 'patron.signed_in', { patronId, service: 'circulation', method: 'card', ...dims });
            break;
          case 1:
          case 2:
            appendEvent(db, at, 'loan.checkout', {
              loanId: d * 1000 + i,
              patronId,
              itemId: i,
              recordId: i,
              collectionKind: i % 4 ? 'own' : 'rotation',
              dueDate: '2030-01-01',
              overrideBy: null,
              ...dims,
            });
            break;
          case 3:
            appendEvent(db, at, 'loan.return', { loanId: d * 1000 + i, patronId, itemId: i, collectionKind: 'own', overdueDays: 0, ...dims });
            break;
          case 4:
            appendEvent(db, at, 'internet.session_ended', {
              sessionId: i,
              patronId,
              guest: false,
              minutesUsed: 37.5,
              reason: 'time_up',
              pagesPrinted: 0,
              ...dims,
            });
            break;
          default:
            appendEvent(db, at, 'staff.action', { staffId: 1, action: 'x', target: null });
        }
      }
    }
  })();
  return days * perDay;
}
