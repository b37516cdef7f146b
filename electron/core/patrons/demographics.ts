// Reporting dimensions of a resident, computed when an event is written so statistics never need
// the patron record (which may be deleted or changed later).
export const AGE_BANDS = ['0-5', '6-14', '15-17', '18-35', '36-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(birthYear: number | null | undefined, atYear: number): AgeBand {
  if (birthYear == null) return 'unknown';
  const age = atYear - birthYear;
  if (age < 0 || age > 130) return 'unknown';
  if (age <= 5) return '0-5';
  if (age <= 14) return '6-14';
  if (age <= 17) return '15-17';
  if (age <= 35) return '18-35';
  if (age <= 59) return '36-59';
  return '60+';
}
