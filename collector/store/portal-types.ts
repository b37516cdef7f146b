// What the portal keeps besides the kiosks' figures: accounts and their sessions, the commune
// register (population, rural and disadvantaged flags, ethnic-minority share) and the targets.
export const ROLES = ['admin', 'viewer', 'technician', 'commune'] as const;
export type Role = (typeof ROLES)[number];

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  /** Only for the commune viewer: the one commune they see. */
  communeCode: string | null;
  passwordHash: string;
}

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  communeCode: string | null;
  createdAt: string;
  disabledAt: string | null;
  /** Wrong passwords since the last success (counted before each check). */
  failed: number;
}

export interface AccountWithSecret extends Account {
  passwordHash: string;
  lastFailedAt: string | null;
}

export interface SessionRow {
  account: Account;
  csrf: string;
  expiresAt: string;
}

export interface CommuneRecord {
  code: string;
  name: string;
  provinceCode: string;
  /** The former district (huyện) the commune belonged to, for reports grouped by district; null after 2025. */
  district: string | null;
  population: number | null;
  rural: boolean;
  disadvantaged: boolean;
  /** Share of residents from ethnic minorities, percent. */
  minorityPct: number | null;
}

export interface TargetRow {
  indicator: string;
  year: number;
  minPct: number;
  maxPct: number;
}

/** A terminal's latest health record as received (the kiosk's JSON, canonical) and its clock skew. */
export interface HealthRow {
  terminalId: string;
  receivedAt: string;
  /** Kiosk clock minus the collector's at receipt, in seconds (positive: the kiosk is ahead). */
  skewSeconds: number;
  record: string;
}

export interface AttentionRow {
  terminalId: string;
  reason: string;
  /** When the reason was first seen, kept while it lasts. */
  since: string;
}

export interface NewPush {
  kind: string;
  communes: string[] | null;
  /** A line for the portal's list (the title, or the hosts). */
  summary: string;
  createdBy: number;
  createdAt: string;
  expiresAt: string;
}

export interface PushRow {
  id: number;
  kind: string;
  communes: string[] | null;
  summary: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
  applied: number;
  refused: number;
  refusals: { reason: string; count: number }[];
}

export interface PortalStore {
  createAccount(input: NewAccount, now: string): Promise<Account>;
  accountByUsername(username: string): Promise<AccountWithSecret | undefined>;
  accounts(): Promise<Account[]>;
  setPassword(accountId: number, passwordHash: string): Promise<boolean>;
  setDisabled(accountId: number, disabledAt: string | null): Promise<boolean>;
  /** Clears the wrong-password count (an administrator unlocking an account). */
  unlock(accountId: number): Promise<boolean>;
  /**
   * Counts one sign-in attempt before the password is checked, in one statement: false when the
   * account already has `max` counted attempts (locked). A lock older than `lockedSince` lapses.
   */
  reserveSignInAttempt(accountId: number, max: number, now: string, lockedSince: string): Promise<boolean>;
  /** The password was right: clears the count, unless parallel wrong attempts locked it meanwhile. */
  signInSucceeded(accountId: number, max: number): Promise<boolean>;
  createSession(tokenHash: string, accountId: number, csrf: string, now: string, expiresAt: string): Promise<void>;
  /** The live session for a token (not expired, account not disabled); slides its expiry up to `absoluteLimit`. */
  session(tokenHash: string, now: string, slideTo: string): Promise<SessionRow | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  upsertCommunes(rows: CommuneRecord[]): Promise<{ added: number; updated: number }>;
  communeRegister(): Promise<CommuneRecord[]>;
  targetRows(): Promise<TargetRow[]>;
  setTarget(row: TargetRow): Promise<void>;
  /** Stores a terminal's latest health record; `reasons` become its attention reasons (first-seen kept). */
  recordHealth(terminalId: string, record: string, skewSeconds: number, reasons: string[], now: string): Promise<void>;
  /** A disk copy of the terminal reported itself: the 'cloned' reason, until a new code is issued. */
  recordClone(terminalId: string, now: string): Promise<void>;
  clearAttention(terminalId: string): Promise<void>;
  fleetHealth(): Promise<{ records: HealthRow[]; reasons: AttentionRow[] }>;
  /** The portal's push-signing key, made by `make` the first time (one per portal). */
  signingKey(make: () => { publicKey: string; privateKey: string; createdAt: string }): Promise<{ publicKey: string; privateKey: string }>;
  /** Stores a push; `seal` gets its id and returns the signed text and signature (one transaction). */
  createPush(input: NewPush, seal: (id: number) => { payload: string; signature: string }): Promise<number>;
  /** Pushes for a terminal of that commune, unexpired, that it has not reported on, oldest first. */
  pushesFor(terminalId: string, communeCode: string, now: string, limit: number): Promise<{ id: number; payload: string; signature: string }[]>;
  /** A terminal's results (the first per push counts; unknown push ids are ignored). */
  recordPushResults(terminalId: string, results: { id: number; outcome: string; reason?: string | undefined }[], now: string): Promise<void>;
  pushList(): Promise<PushRow[]>;
}
