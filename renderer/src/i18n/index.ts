// One i18n layer for every visible string: i18next with one namespace per feature, loaded from
// resources/locales/<language>/<namespace>.json. Vietnamese is the default and the fallback.
// Only the residents' Vietnamese texts (and each language's own name, for the language buttons)
// ship with the first screen; another language's texts are fetched when a resident chooses it, and
// the staff pages' texts with the staff pages (loadTexts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Namespaces only staff and technicians read; loaded with the staff area's code. */
export const STAFF_NAMESPACES = ['staff', 'statistics', 'technician'];

type LocaleModule = { default: Record<string, unknown> };
const firstScreen = {
  ...import.meta.glob<LocaleModule>(
    [
      '../../../resources/locales/vi/*.json',
      '!../../../resources/locales/vi/staff.json',
      '!../../../resources/locales/vi/statistics.json',
      '!../../../resources/locales/vi/technician.json',
    ],
    { eager: true },
  ),
  ...import.meta.glob<LocaleModule>('../../../resources/locales/*/residents.json', { eager: true }),
};
const onDemand = import.meta.glob<LocaleModule>('../../../resources/locales/*/*.json');

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

function localeOf(path: string): { language: string; namespace: string } | undefined {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  return match ? { language: match[1]!, namespace: match[2]! } : undefined;
}

export function bundledResources(): Resources {
  const resources: Resources = {};
  for (const [path, module] of Object.entries(firstScreen)) {
    const locale = localeOf(path);
    if (locale) (resources[locale.language] ??= {})[locale.namespace] = module.default;
  }
  return resources;
}

const loaded = new Set<string>(Object.keys(firstScreen));

/**
 * Fetches a bundled language's texts (every namespace, or those named) once. Texts a technician's
 * locale file already set win over the bundled ones.
 */
export async function loadTexts(language: string, namespaces?: string[]): Promise<void> {
  const files = Object.entries(onDemand).filter(([path]) => {
    const locale = localeOf(path);
    return locale?.language === language && !loaded.has(path) && (!namespaces || namespaces.includes(locale.namespace));
  });
  await Promise.all(
    files.map(async ([path, load]) => {
      const { namespace } = localeOf(path)!;
      // deep = true, overwrite = false: keys already present (a runtime locale's fixes) stay.
      i18next.addResourceBundle(language, namespace, (await load()).default, true, false);
      loaded.add(path);
    }),
  );
}

export async function initI18n(language = 'vi') {
  const resources = bundledResources();
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    ns: [...Object.keys(resources.vi ?? {}), ...STAFF_NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Bundles added later (another language) must not be mistaken for a missing language.
    partialBundledLanguages: true,
  });
  if (language !== 'vi') await loadTexts(language);
  document.documentElement.lang = language;
  return i18next;
}
