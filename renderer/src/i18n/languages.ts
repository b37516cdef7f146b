// Languages the resident can choose: the bundled ones plus locale files a technician dropped into
// the data folder (merged over the bundled texts; a key a file lacks falls back to Vietnamese).
import i18next from 'i18next';
import type { ApiClient } from '../api/client';
import { loadTexts } from './index';

/** Adds the data folder's locale files to i18next; returns the languages that came from there. */
export async function loadRuntimeLocales(api: ApiClient): Promise<string[]> {
  const { locales } = await api.call('i18n.runtimeLocales', {});
  for (const locale of locales) {
    for (const [namespace, tree] of Object.entries(locale.namespaces)) {
      // deep = true, overwrite = true: a technician's file may fix single texts of a bundled language.
      i18next.addResourceBundle(locale.language, namespace, tree, true, true);
    }
  }
  return locales.map((l) => l.language);
}

/** Every language with texts, Vietnamese first. */
export function availableLanguages(): string[] {
  const all = Object.keys(i18next.store?.data ?? {});
  return ['vi', ...all.filter((l) => l !== 'vi').sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))].filter(
    (l, i, list) => list.indexOf(l) === i && all.includes(l),
  );
}

/** The language's own name ("Tiếng Việt", "English", "Tơlơi Êđê"), from its residents.json. */
// i18n-keys: residents:languageName
export function languageName(language: string): string {
  const own = i18next.getResource(language, 'residents', 'languageName');
  if (typeof own === 'string' && own) return own;
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

let latestChoice = 0;

/**
 * Shows the screens in `language` once its texts are loaded. The last call wins: a change asked for
 * while an earlier one still loads its texts (a slow PC, the start-up's own change to Vietnamese) must
 * not switch the screen back when that earlier load ends, after the resident has chosen.
 */
export async function changeLanguage(language: string): Promise<void> {
  const choice = ++latestChoice;
  await loadTexts(language);
  if (choice !== latestChoice) return;
  await i18next.changeLanguage(language);
  if (choice === latestChoice) document.documentElement.lang = language;
}
