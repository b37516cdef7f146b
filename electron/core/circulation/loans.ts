// SQL of circulation: items as circulation sees them, and open loans. Small functions over
// prepared statements; callers own the transactions.
import type { LoanView } from '#contract/circulation';
import type { Db } from '../store/open';
import { daysBetween } from '../../../common/calendar';

export interface CirculationItem {
  id: number;
  barcode: string;
  recordId: number;
  title: string;
  status: 'available' | 'on_loan' | 'reference' | 'lost' | 'in_transit';
  collectionKind: 'own' | 'rotation';
}

export interface OpenLoan {
  id: number;
  itemId: number;
  patronId: number;
  barcode: string;
  title: string;
  recordId: number;
  collectionKind: 'own' | 'rotation';
  checkedOutAt: string;
  dueDate: string;
  renewals: number;
  itemStatusBefore: string;
}

export function findItem(db: Db, barcode: string): CirculationItem | undefined {
  return db
    .prepare(
      `SELECT i.id, i.barcode, i.record_id AS recordId, r.title, i.status, c.kind AS collectionKind
       FROM items i JOIN records r ON r.id = i.record_id JOIN collections c ON c.id = i.collection_id WHERE i.barcode = ?`,
    )
    .get(barcode.trim().toUpperCase()) as CirculationItem | undefined;
}

const OPEN_LOAN = `SELECT l.id, l.item_id AS itemId, l.patron_id AS patronId, i.barcode, r.title, i.record_id AS recordId, c.kind AS collectionKind,
  l.checked_out_at AS checkedOutAt, l.due_date AS dueDate, l.renewals, l.item_status_before AS itemStatusBefore
  FROM loans l JOIN items i ON i.id = l.item_id JOIN records r ON r.id = i.record_id JOIN collections c ON c.id = i.collection_id
  WHERE l.returned_at IS NULL`;

export function openLoanOfItem(db: Db, itemId: number): OpenLoan | undefined {
  return db.prepare(`${OPEN_LOAN} AND l.item_id = ?`).get(itemId) as OpenLoan | undefined;
}

export function openLoansOf(db: Db, patronId: number): OpenLoan[] {
  return db.prepare(`${OPEN_LOAN} AND l.patron_id = ? ORDER BY l.due_date, l.id`).all(patronId) as OpenLoan[];
}

export function allOverdueLoans(db: Db, today: string): (OpenLoan & { card: string; fullName: string; phone: string | null })[] {
  return db
    .prepare(
      `SELECT q.*, p.card_number AS card, p.full_name AS fullName, p.phone FROM (${OPEN_LOAN} AND l.due_date < ?) q
       JOIN patrons p ON p.id = q.patronId ORDER BY q.dueDate, q.id`,
    )
    .all(today) as (OpenLoan & { card: string; fullName: string; phone: string | null })[];
}

export function insertLoan(
  db: Db,
  loan: { itemId: number; patronId: number; at: string; dueDate: string; overrideBy: number | null; overrideReason: string | null; itemStatusBefore: string },
): number {
  const info = db
    .prepare('INSERT INTO loans (item_id, patron_id, checked_out_at, due_date, override_by, override_reason, item_status_before) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(loan.itemId, loan.patronId, loan.at, loan.dueDate, loan.overrideBy, loan.overrideReason, loan.itemStatusBefore);
  db.prepare("UPDATE items SET status = 'on_loan' WHERE id = ?").run(loan.itemId);
  return Number(info.lastInsertRowid);
}

export function closeLoan(db: Db, loan: OpenLoan, at: string): void {
  db.prepare('UPDATE loans SET returned_at = ? WHERE id = ?').run(at, loan.id);
  db.prepare("UPDATE items SET status = CASE ? WHEN 'reference' THEN 'reference' ELSE 'available' END WHERE id = ?").run(loan.itemStatusBefore, loan.itemId);
}

export function extendLoan(db: Db, loanId: number, dueDate: string): void {
  db.prepare('UPDATE loans SET due_date = ?, renewals = renewals + 1 WHERE id = ?').run(dueDate, loanId);
}

export function toLoanView(loan: OpenLoan, today: string, renewalsAllowed: number): LoanView {
  return {
    loanId: loan.id,
    item: loan.barcode,
    title: loan.title,
    checkedOutAt: loan.checkedOutAt,
    dueDate: loan.dueDate,
    overdueDays: Math.max(0, daysBetween(loan.dueDate, today)),
    renewals: loan.renewals,
    renewalsLeft: Math.max(0, renewalsAllowed - loan.renewals),
  };
}
