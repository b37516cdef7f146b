// The loan policy of a patron's category, from the `circulation` configuration section.
import type { KioskConfig } from '../config/schema';
import { categoryOf } from '../patrons/categories';
import type { LoanPolicy } from './config';

/** A category that was removed from the configuration lends nothing until staff re-categorise. */
export function policyFor(config: KioskConfig, categoryId: string): LoanPolicy {
  return categoryOf(config, categoryId)?.policy ?? { loanDays: 14, maxLoans: 0, renewals: 0 };
}
