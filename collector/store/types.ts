// What the collector stores, independent of the database: communes, terminals with their
// enrolment and credentials, and each terminal's latest revision of each day's figures.
import type { DayIndicator } from '#contract/statistics';
import type { PortalStore } from './portal-types';

export interface NewTerminal {
  communeCode: string;
  communeName: string;
  provinceCode: string;
  name: string;
}

export interface TerminalRow {
  id: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  name: string;
  kioskId: string | null;
  createdAt: string;
  enrolledAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastSoftware: string | null;
  days: number;
}

export interface AuthRow {
  id: string;
  communeCode: string;
  secretHash: string | null;
  revokedAt: string | null;
}

/** One day as stored: the validated figures, their digest and the totals (one column each). */
export interface StoredDay {
  day: string;
  revision: number;
  digest: string;
  figuresJson: string;
  totals: Partial<Record<DayIndicator, number>>;
}

export type ApplyResult =
  { ok: true; days: { day: string; revision: number; status: 'stored' | 'duplicate' }[] } | { ok: false; stale: { day: string; current: number }[] };

export interface CommuneTotals {
  communeCode: string;
  communeName: string;
  provinceCode: string;
  terminals: number;
  days: number;
  totals: Record<DayIndicator, number>;
}

export interface CommuneSums {
  communeCode: string;
  /** The indicators asked for only. */
  totals: Partial<Record<DayIndicator, number>>;
}

export type RedeemResult = { ok: true; terminal: TerminalRow } | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'revoked' };

export interface CollectorStore extends PortalStore {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  /** Registers a terminal (and its commune, created or renamed) with a pending enrolment code. */
  addTerminal(input: NewTerminal, id: string, codeHash: string, codeExpiresAt: string, now: string): Promise<TerminalRow>;
  /** A fresh one-time code for a terminal (lost code, replaced PC); clears its credentials. */
  reissueCode(id: string, codeHash: string, codeExpiresAt: string): Promise<boolean>;
  /** Exchanges a code once: stores the secret's hash and forgets the code. */
  redeemCode(codeHash: string, secretHash: string, kioskId: string | null, now: string): Promise<RedeemResult>;
  revokeTerminal(id: string, now: string): Promise<boolean>;
  authRow(id: string): Promise<AuthRow | undefined>;
  /** All-or-nothing: a stale or conflicting day refuses the whole batch. */
  applyUpload(terminalId: string, communeCode: string, software: string, days: StoredDay[], now: string): Promise<ApplyResult>;
  terminals(): Promise<TerminalRow[]>;
  /** Every commune of the register with its totals for the period, or only `communeCode` (a commune's page). */
  communeTotals(from: string, to: string, communeCode?: string | null): Promise<CommuneTotals[]>;
  /**
   * Sums of the given indicators alone, per commune with figures in the period (the year before,
   * the year so far): no kiosk or day counts, and no columns the caller does not read.
   */
  communeSums(from: string, to: string, indicators: readonly DayIndicator[], communeCode?: string | null): Promise<CommuneSums[]>;
  /** Per terminal and day totals (the chaos test compares these with the kiosk's). */
  dayTotals(terminalId: string, from: string, to: string): Promise<{ day: string; revision: number; totals: Record<DayIndicator, number> }[]>;
  counts(): Promise<{ terminals: number; dayRows: number }>;
  /** Visits and items served per month (YYYY-MM), for the whole province or one commune. */
  monthlySeries(from: string, to: string, communeCode: string | null): Promise<{ month: string; visits: number; itemsServed: number }[]>;
  close(): Promise<void>;
}
