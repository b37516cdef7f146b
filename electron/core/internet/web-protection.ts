// Safe browsing by age (issue #15, finding 8): which category lists apply to a session. Children's
// categories always get the family-safe lists (adult content, gambling, adult dating); adults get
// adult content and gambling blocked by default, which a technician may turn off. The lists ship in
// resources/internet/categories/ and a technician updates one by dropping a newer file of the same
// name into <data-dir>/internet-lists/. Chosen over a family DNS resolver because Electron's secure
// DNS is one setting for the whole app (a child and an adult session on one PC could not differ),
// it needs the internet to work and to test, and it fails as a bare network error instead of the
// kiosk's Vietnamese explanation. Lookups are a Set walk over the host's labels: O(labels).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { normaliseHost } from './host';
import { normalizePattern, parseHostList } from './url-policy';

export const CATEGORY_LISTS = ['adult', 'gambling', 'dating'] as const;
export type CategoryList = (typeof CATEGORY_LISTS)[number];
/** What children always get, whatever the configuration says. */
export const FAMILY_SAFE: readonly CategoryList[] = ['adult', 'gambling', 'dating'];

export const webProtectionSection = z
  .object({
    /** Patron categories that are children: the family-safe lists always apply to them. */
    childCategories: z.array(z.string().min(1).max(40)).default(['child']),
    /** Lists blocked for everyone else (and guests); a technician may remove some or set []. */
    adultLists: z.array(z.enum(CATEGORY_LISTS)).default(['adult', 'gambling']),
    /** Guests have no recorded age: treat them as children unless the room decides otherwise. */
    guestsAsChildren: z.boolean().default(false),
  })
  .strict();
export type WebProtectionConfig = z.output<typeof webProtectionSection>;
export const defaultWebProtection: WebProtectionConfig = webProtectionSection.parse({});

export interface LoadedList {
  name: CategoryList;
  hosts: Set<string>;
  /** Where it was read from: the shipped file or the technician's update. */
  source: string;
  entries: number;
}

/** Reads each list, preferring the technician's updated copy in <data-dir>/internet-lists/. */
export function loadCategoryLists(resourcesDir: string, dataDir: string | null): Map<CategoryList, LoadedList> {
  const lists = new Map<CategoryList, LoadedList>();
  for (const name of CATEGORY_LISTS) {
    const candidates = [dataDir ? join(dataDir, 'internet-lists', `${name}.txt`) : '', join(resourcesDir, 'categories', `${name}.txt`)].filter(Boolean);
    for (const path of candidates) {
      if (!existsSync(path) || !statSync(path).isFile()) continue;
      const hosts = new Set<string>();
      for (const entry of parseHostList(readFileSync(path, 'utf8'))) {
        const pattern = normalizePattern(entry);
        if (pattern) hosts.add(pattern.host);
      }
      lists.set(name, { name, hosts, source: path, entries: hosts.size });
      break;
    }
  }
  return lists;
}

export interface Protection {
  audience: 'child' | 'adult';
  lists: CategoryList[];
}

/** The protection of a session of `category` (null = guest). Children can never lose the family-safe lists. */
export function protectionFor(config: WebProtectionConfig, category: string | null): Protection {
  const child = category === null ? config.guestsAsChildren : config.childCategories.includes(category);
  if (child) return { audience: 'child', lists: [...new Set([...FAMILY_SAFE, ...config.adultLists])] };
  return { audience: 'adult', lists: [...config.adultLists] };
}

/** The list that blocks `host` under `protection`, and the matching entry; undefined when none does. */
export function categoryMatch(
  lists: Map<CategoryList, LoadedList>,
  protection: Protection,
  rawHost: string,
): { list: CategoryList; entry: string } | undefined {
  const host = normaliseHost(rawHost);
  if (!host || host.startsWith('[')) return undefined;
  const labels = host.split('.');
  for (const name of protection.lists) {
    const list = lists.get(name);
    if (!list) continue;
    for (let i = 0; i < labels.length - 1; i++) {
      const suffix = labels.slice(i).join('.');
      if (list.hosts.has(suffix)) return { list: name, entry: suffix };
    }
  }
  return undefined;
}
