// Patron categories (child, student, adult, senior …) as the technician configured them in the
// `circulation` section. The patrons feature owns them; circulation reads a category's loan policy.
import type { KioskConfig } from '../config/schema';

type PatronCategory = KioskConfig['circulation']['categories'][number];

export function categoryOf(config: KioskConfig, id: string): PatronCategory | undefined {
  return config.circulation.categories.find((category) => category.id === id);
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

/** How a category treats the resident PIN: none, chosen freely, or asked at every card sign-in. */
export function pinModeOf(config: KioskConfig, categoryId: string): 'off' | 'optional' | 'required' {
  const category = categoryOf(config, categoryId);
  if (category?.requirePin) return 'required';
  return category?.residentPin ? 'optional' : 'off';
}
