// The first-run wizard's form rules, pure: what the technician typed becomes a `technician.setup`
// request, or a list of field problems (i18n keys in the technician namespace) shown next to the fields.
import type { SetupOpeningHours } from '#contract/technician';

/** The kiosk's default staff.pinMinLength: the first-run wizard runs on the demo configuration. */
export const DEFAULT_PIN_MIN_LENGTH = 6;

export const SETUP_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type SetupWeekday = (typeof SETUP_WEEKDAYS)[number];

export interface SetupForm {
  libraryName: string;
  communeCode: string;
  address: string;
  language: 'vi' | 'en';
  /** Per weekday, e.g. "07:30-11:30, 13:30-17:00"; empty = closed all day. */
  hours: Record<SetupWeekday, string>;
  technicianCard: string;
  technicianName: string;
  technicianPin: string;
  technicianPinAgain: string;
  staffCard: string;
  staffName: string;
  staffPin: string;
  staffPinAgain: string;
}

export type SetupField = Exclude<keyof SetupForm, 'hours' | 'language'> | `hours.${SetupWeekday}`;

export interface SetupProblem {
  field: SetupField;
  // i18n-keys: technician:setup.problems.*
  /** Key in the technician namespace (setup.problems.*). */
  key: string;
}

export interface SetupRequestBody {
  libraryName: string;
  communeCode: string;
  address?: string;
  language: 'vi' | 'en';
  technicianCard: string;
  technicianName: string;
  technicianPin: string;
  staffCard?: string;
  staffName?: string;
  staffPin?: string;
  openingHours: SetupOpeningHours;
}

const morningAfternoon = '07:30-11:30, 13:30-17:00';

/** Starts from this version's default opening hours, so most technicians only check them. */
export function emptySetupForm(): SetupForm {
  return {
    libraryName: '',
    communeCode: '',
    address: '',
    language: 'vi',
    hours: { mon: morningAfternoon, tue: morningAfternoon, wed: morningAfternoon, thu: morningAfternoon, fri: morningAfternoon, sat: '07:30-11:30', sun: '' },
    technicianCard: '',
    technicianName: '',
    technicianPin: '',
    technicianPinAgain: '',
    staffCard: '',
    staffName: '',
    staffPin: '',
    staffPinAgain: '',
  };
}

const TIME = /^([01]?\d|2[0-3])[:hH.]([0-5]\d)$/;

function normaliseTime(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

/**
 * "07:30-11:30, 13:30-17:00" -> intervals; '' -> closed. Accepts 7:30, 07h30 and en dashes, since
 * technicians write times the way they are used to. Undefined when the text cannot be read.
 */
export function parseDayHours(text: string): { open: string; close: string }[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parts = trimmed
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length > 4) return undefined;
  const intervals: { open: string; close: string }[] = [];
  for (const part of parts) {
    const ends = part.split(/\s*[-–—]\s*/);
    if (ends.length !== 2) return undefined;
    const open = normaliseTime(ends[0]!);
    const close = normaliseTime(ends[1]!);
    if (!open || !close || open >= close) return undefined;
    const previous = intervals[intervals.length - 1];
    if (previous && open < previous.close) return undefined;
    intervals.push({ open, close });
  }
  return intervals;
}

function pinProblems(prefix: 'technician' | 'staff', pin: string, again: string, minLength: number): SetupProblem[] {
  const field = `${prefix}Pin` as const;
  if (!new RegExp(`^\\d{${minLength},12}$`).test(pin)) return [{ field, key: 'setup.problems.pinFormat' }];
  if (pin !== again) return [{ field: `${prefix}PinAgain` as const, key: 'setup.problems.pinMismatch' }];
  return [];
}

/** Checks the form the way the core will, so the technician sees every problem at once. */
export function validateSetupForm(
  form: SetupForm,
  pinMinLength = DEFAULT_PIN_MIN_LENGTH,
): { ok: true; request: SetupRequestBody } | { ok: false; problems: SetupProblem[] } {
  const problems: SetupProblem[] = [];
  const text = (value: string) => value.trim();
  if (!text(form.libraryName)) problems.push({ field: 'libraryName', key: 'setup.problems.libraryName' });
  if (!/^\d{5}$/.test(text(form.communeCode))) problems.push({ field: 'communeCode', key: 'setup.problems.communeCode' });

  const openingHours = {} as SetupOpeningHours;
  for (const day of SETUP_WEEKDAYS) {
    const intervals = parseDayHours(form.hours[day]);
    if (intervals === undefined) problems.push({ field: `hours.${day}`, key: 'setup.problems.hours' });
    else openingHours[day] = intervals;
  }

  if (text(form.technicianCard).length < 3) problems.push({ field: 'technicianCard', key: 'setup.problems.card' });
  if (!text(form.technicianName)) problems.push({ field: 'technicianName', key: 'setup.problems.name' });
  problems.push(...pinProblems('technician', form.technicianPin, form.technicianPinAgain, pinMinLength));

  const wantsStaff = [form.staffCard, form.staffName, form.staffPin, form.staffPinAgain].some((value) => text(value) !== '');
  if (wantsStaff) {
    if (text(form.staffCard).length < 3) problems.push({ field: 'staffCard', key: 'setup.problems.card' });
    else if (text(form.staffCard).toUpperCase() === text(form.technicianCard).toUpperCase())
      problems.push({ field: 'staffCard', key: 'setup.problems.sameCard' });
    if (!text(form.staffName)) problems.push({ field: 'staffName', key: 'setup.problems.name' });
    problems.push(...pinProblems('staff', form.staffPin, form.staffPinAgain, pinMinLength));
  }
  if (problems.length) return { ok: false, problems };

  return {
    ok: true,
    request: {
      libraryName: text(form.libraryName),
      communeCode: text(form.communeCode),
      ...(text(form.address) ? { address: text(form.address) } : {}),
      language: form.language,
      technicianCard: text(form.technicianCard),
      technicianName: text(form.technicianName),
      technicianPin: form.technicianPin,
      ...(wantsStaff ? { staffCard: text(form.staffCard), staffName: text(form.staffName), staffPin: form.staffPin } : {}),
      openingHours,
    },
  };
}
