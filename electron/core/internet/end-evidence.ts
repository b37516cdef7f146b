// Keeping what a restart saw with the session it ended, so a technician can tell afterwards why a
// session was closed as a power cut (internet_sessions.end_evidence, migration 0075).
import type { Db } from '../store/open';
import type { RestartEvidence } from './boot';

export function recordEndEvidence(db: Db, sessionId: number, evidence: RestartEvidence): void {
  db.prepare('UPDATE internet_sessions SET end_evidence = ? WHERE id = ?').run(JSON.stringify(evidence), sessionId);
}
