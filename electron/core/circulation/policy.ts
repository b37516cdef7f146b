// The loan policy of a patron's category, from the `circulation` configuration section.
import type { KioskConfig } from '../config/schema';
import type { LoanPolicy, PatronCategory } from './config';

export function categoryOf(config: KioskConfig, id: string): PatronCategory | undefined {
  return config.circulation.categories.find((category) => category.id === id);
}

/** A category that was removed from the configuration lends nothing until staff re-categorise. */
export function policyFor(config: KioskConfig, categoryId: string): LoanPolicy {
  return categoryOf(config, categoryId)?.policy ?? { loanDays: 14, maxLoans: 0, renewals: 0 };
}

export function categoryName(config: KioskConfig, categoryId: string): string {
  return categoryOf(config, categoryId)?.name ?? categoryId;
}

/** The category a self-registering resident gets from their age, when the kiosk defines it. */
export function categoryForAge(config: KioskConfig, age: number): string {
  const has = (id: string) => categoryOf(config, id) !== undefined;
  if (age < 15 && has('child')) return 'child';
  if (age < 18 && has('student')) return 'student';
  if (age >= 60 && has('senior')) return 'senior';
  return config.circulation.defaultCategory;
}
