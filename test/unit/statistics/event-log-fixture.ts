// A bare migrated store on a temp file and a helper to write hand-made events at a local time,
// through the same recordEvent the features use (payloads are validated against the catalogue).
import { afterEach } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../electron/core/store/open';
import { recordEvent, type EventPayloadOf, type EventType } from '../../../electron/core/store/event-types';
import { tempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function freshStore(): Db {
  const dir = tempDir('kiosk-stats-');
  const db = openDatabase(join(dir.path, 'kiosk.sqlite'));
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  return db;
}

/** Records one event at a local Vietnam time ('2026-03-02 09:15'). */
export function at<T extends EventType>(db: Db, local: string, type: T, payload: EventPayloadOf<T>): void {
  const ms = Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
  db.transaction(() => recordEvent(db, { now: () => ms }, type, payload))();
}

export const adultWoman = { category: 'adult', gender: 'female', ageBand: '36-59' } as const;
export const boy = { category: 'child', gender: 'male', ageBand: '6-14' } as const;
export const studentGirl = { category: 'student', gender: 'female', ageBand: '15-17' } as const;

export function checkout(
  db: Db,
  local: string,
  loanId: number,
  patronId: number,
  kind: 'own' | 'rotation',
  who: typeof adultWoman | typeof boy | typeof studentGirl,
) {
  at(db, local, 'loan.checkout', { loanId, patronId, itemId: loanId, recordId: loanId, collectionKind: kind, dueDate: '2026-12-31', overrideBy: null, ...who });
}

export function signIn(
  db: Db,
  local: string,
  patronId: number,
  who: typeof adultWoman | typeof boy | typeof studentGirl,
  service: 'circulation' | 'internet' = 'circulation',
) {
  at(db, local, 'patron.signed_in', { patronId, service, method: 'card', ...who });
}
