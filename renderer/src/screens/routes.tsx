// Which screen each route shows. Every screen but the home screen is its own chunk, loaded when
// first needed: the home screen a resident sees after a power cut parses only what it shows (the
// budget test in test/unit/renderer/bundle-budget.test.ts keeps it small). The resident screens are
// fetched in the background once the home screen is up, so a tap on them does not wait; the staff
// area and the digital library (pdf.js, epub.js) load only when someone opens them.
import i18next from 'i18next';
import { lazy, type ComponentType } from 'react';
import { loadTexts, STAFF_NAMESPACES } from '../i18n';
import type { SystemInfo } from '#contract/system';
import type { RouteId } from '../router';

type ScreenProps = { info: SystemInfo };
type ScreenModule = () => Promise<{ default: ComponentType<ScreenProps> }>;

const loaders: Record<Exclude<RouteId, 'home'>, ScreenModule> = {
  circulation: () => import('./circulation/CirculationScreen').then((m) => ({ default: m.CirculationScreen })),
  internet: () => import('./internet/InternetScreen').then((m) => ({ default: m.InternetScreen })),
  'digital-library': () => import('./digital-library/DigitalLibrary').then((m) => ({ default: m.DigitalLibrary })),
  search: () => import('./catalogue/SearchScreen').then((m) => ({ default: m.SearchScreen })),
  staff: async () => {
    const [area] = await Promise.all([import('./staff/StaffArea'), loadTexts('vi', STAFF_NAMESPACES), loadTexts(i18next.language, STAFF_NAMESPACES)]);
    return { default: area.StaffArea };
  },
};

export const screens: Record<Exclude<RouteId, 'home'>, ComponentType<ScreenProps>> = {
  circulation: lazy(loaders.circulation),
  internet: lazy(loaders.internet),
  'digital-library': lazy(loaders['digital-library']),
  search: lazy(loaders.search),
  staff: lazy(loaders.staff),
};

/** The screens residents reach in one tap from home, fetched when the browser is idle. */
const RESIDENT_SCREENS: Exclude<RouteId, 'home'>[] = ['circulation', 'search', 'internet'];

export function prefetchResidentScreens(): void {
  const start = () => RESIDENT_SCREENS.forEach((route) => void loaders[route]().catch(() => undefined));
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1000);
}
