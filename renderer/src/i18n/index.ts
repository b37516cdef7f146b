// One i18n layer for every visible string: i18next with one namespace per feature, loaded from
// resources/locales/<language>/<namespace>.json. Vietnamese is the default and the fallback.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../../../resources/locales/*/*.json', { eager: true });

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

export function bundledResources(): Resources {
  const resources: Resources = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    (resources[language] ??= {})[namespace] = module.default;
  }
  return resources;
}

export async function initI18n(language = 'vi') {
  const resources = bundledResources();
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    ns: Object.keys(resources.vi ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
