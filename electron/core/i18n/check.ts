// `kiosk i18n check`: for every locale, the keys the renderer uses that it lacks (missing), the keys
// no screen uses (unused), and keys that Vietnamese — the reference — does not have (extra).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LocaleTree } from '#contract/i18n';
import { findKeyUsage, type SourceFile } from './key-usage';
import { readLocaleDir, type LocaleProblem } from './runtime-locales';
import { localeLeaves } from './translator-kit';

export const REFERENCE_LANGUAGE = 'vi';
const PLURAL = /_(zero|one|two|few|many|other)$/;

export interface LocaleReport {
  language: string;
  source: 'bundled' | 'data-dir' | 'both';
  keys: number;
  missing: string[];
  unused: string[];
  extra: string[];
}

export interface I18nCheckReport {
  ok: boolean;
  locales: LocaleReport[];
  usedKeys: number;
  sourceScanned: boolean;
  problems: LocaleProblem[];
}

/** "ns:a.b.c" for every leaf text (or list of texts, one key) of a namespace tree. */
export function flattenKeys(namespace: string, tree: LocaleTree): string[] {
  return localeLeaves(namespace, tree).map(([key]) => key);
}

function listSources(dir: string, root: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return listSources(full, root);
    return /\.(tsx?|jsx?)$/.test(entry) ? [{ path: relative(root, full), text: readFileSync(full, 'utf8') }] : [];
  });
}

export interface CheckInput {
  /** Repository root: resources/locales and renderer/src are read from here. */
  root: string;
  /** The kiosk's data folder, whose locales/ adds languages and overrides texts. */
  dataDir?: string;
}

export function checkI18n({ root, dataDir }: CheckInput): I18nCheckReport {
  const bundled = readLocaleDir(join(root, 'resources', 'locales'), 'resources/locales');
  const runtime = dataDir ? readLocaleDir(join(dataDir, 'locales'), 'locales') : { locales: [], problems: [] };
  const keysByLanguage = new Map<string, { keys: Set<string>; sources: Set<'bundled' | 'data-dir'> }>();
  for (const [origin, set] of [
    ['bundled', bundled.locales],
    ['data-dir', runtime.locales],
  ] as const) {
    for (const locale of set) {
      const entry = keysByLanguage.get(locale.language) ?? { keys: new Set<string>(), sources: new Set() };
      entry.sources.add(origin);
      for (const [ns, tree] of Object.entries(locale.namespaces)) for (const key of flattenKeys(ns, tree)) entry.keys.add(key.replace(PLURAL, ''));
      keysByLanguage.set(locale.language, entry);
    }
  }
  const reference = keysByLanguage.get(REFERENCE_LANGUAGE)?.keys ?? new Set<string>();
  const namespaces = new Set([...keysByLanguage.values()].flatMap((e) => [...e.keys].map((k) => k.split(':')[0]!)));

  const sources = listSources(join(root, 'renderer', 'src'), root);
  const usage = findKeyUsage(sources, namespaces);
  const allKnown = new Set([...keysByLanguage.values()].flatMap((e) => [...e.keys]));

  // Resolve "ns1|ns2:key" (unprefixed key in a file with several namespaces) to the namespace that has it.
  const used = new Set<string>();
  for (const id of usage.exact.keys()) {
    const [nsList, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
    const candidates = nsList.split('|').map((ns) => `${ns}:${key}`);
    used.add(candidates.find((c) => reference.has(c)) ?? candidates.find((c) => allKnown.has(c)) ?? candidates[0]!);
  }
  const isUsed = (key: string) => used.has(key) || usage.patterns.some((p) => p.test(key));

  const locales: LocaleReport[] = [...keysByLanguage.entries()]
    .sort(([a], [b]) => (a === REFERENCE_LANGUAGE ? -1 : b === REFERENCE_LANGUAGE ? 1 : a.localeCompare(b)))
    .map(([language, { keys, sources: from }]) => {
      const expected = new Set([...reference, ...used]);
      return {
        language,
        source: from.size === 2 ? 'both' : [...from][0]!,
        keys: keys.size,
        missing: [...expected].filter((k) => !keys.has(k)).sort(),
        unused: sources.length ? [...keys].filter((k) => !isUsed(k)).sort() : [],
        extra: language === REFERENCE_LANGUAGE ? [] : [...keys].filter((k) => !reference.has(k)).sort(),
      };
    });
  const failing = locales.filter((l) => (l.language === 'vi' || l.language === 'en') && l.missing.length > 0);
  return {
    ok: failing.length === 0 && keysByLanguage.has('vi') && keysByLanguage.has('en'),
    locales,
    usedKeys: used.size,
    sourceScanned: sources.length > 0,
    problems: [...bundled.problems, ...runtime.problems],
  };
}
