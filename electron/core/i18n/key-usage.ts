// Which i18n keys the renderer source uses, found by reading the source text (no TypeScript
// compiler needed; the patterns are the ones docs/conventions.md asks screens to use):
//   t('key') / t("ns:key") / t(`key`)            static keys, namespace from useTranslation('ns' | ['ns', …])
//   t(cond ? 'a' : 'b')                            every key-shaped literal in the first argument
//   t(`services.${key}.name`)                      a dynamic key: every key matching the pattern counts as used
//   titleKey="home:staffEntry" / 'home:x.y'        any string literal "ns:key" of a known namespace
//   i18nKey="key"                                  <Trans> components
//   // i18n-keys: errors.*, home:services.*        keys built elsewhere, listed in a comment
//   // i18n-namespace: internet                   a module that receives `t` as a parameter names its namespace
export interface SourceFile {
  path: string;
  text: string;
}

export interface KeyUsage {
  /** Exact keys "ns:key", with the file that uses each first. */
  exact: Map<string, string>;
  /** Patterns for dynamic keys, as regular expressions over "ns:key". */
  patterns: RegExp[];
}

const STRING = /(['"`])((?:\\.|(?!\1)[^\\])*?)\1/;
const T_CALL = /(?<![\w$.])(?:t|i18n\.t|i18next\.t)\(/g;
const KEY_SHAPE = /^[A-Za-z0-9_.:-]+$|\$\{/;
const I18N_KEY = new RegExp(String.raw`i18nKey=\s*\{?\s*` + STRING.source, 'g');
const USE_TRANSLATION = /useTranslation\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")?/g;
const COMMENT_KEYS = /i18n-keys:\s*([^\n]+?)\s*(?:\*\/|$)/gm;
const ANY_LITERAL = /(['"])([a-z][a-zA-Z0-9-]*:[A-Za-z0-9_.-]+)\1/g;

/** The text of a call's first argument: up to the first comma or parenthesis at its own depth. */
function firstArgument(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length && i < from + 400; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"' || char === '`') {
      // Skip the whole string literal so its commas and brackets do not count.
      let j = i + 1;
      while (j < text.length && text[j] !== char) j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) {
      if (depth === 0) return text.slice(from, i);
      depth--;
    } else if (char === ',' && depth === 0) return text.slice(from, i);
  }
  return '';
}

/** The literal itself, or the literals a conditional/fallback can yield (`c ? 'a' : 'b'`, `x ?? 'a'`). */
function literalsIn(argument: string): string[] {
  const branch = new RegExp(String.raw`(?:^|\?|:|\?\?|\|\|)\s*` + STRING.source + String.raw`\s*(?=$|:|\?\?|\|\|)`, 'g');
  return [...argument.trim().matchAll(branch)].map((m) => m[2]!);
}

function namespacesOf(text: string, known: ReadonlySet<string>): string[] {
  const found: string[] = [...text.matchAll(/i18n-namespace:\s*([a-z][\w-]*)/g)].map((m) => m[1]!).filter((ns) => known.has(ns));
  for (const match of text.matchAll(USE_TRANSLATION)) {
    const arg = match[1];
    if (!arg) continue;
    for (const name of arg.matchAll(/['"]([^'"]+)['"]/g)) if (known.has(name[1]!)) found.push(name[1]!);
  }
  return found.length ? [...new Set(found)] : ['common'];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A template literal with ${…} holes, or a comment pattern with *, as a regex over "ns:key". */
function patternFor(key: string, namespaces: string[], known: ReadonlySet<string>): RegExp {
  const [ns, rest] = splitNamespace(key, known);
  const body = rest
    .split(/\$\{[^}]*\}|\*/)
    .map(escapeRegExp)
    .join('[^:]+?');
  const nsPart = ns ? escapeRegExp(ns) : `(?:${namespaces.map(escapeRegExp).join('|')})`;
  return new RegExp(`^${nsPart}:${body}(?:_(?:zero|one|two|few|many|other))?$`);
}

function splitNamespace(key: string, known: ReadonlySet<string>): [string | undefined, string] {
  const colon = key.indexOf(':');
  if (colon > 0 && known.has(key.slice(0, colon))) return [key.slice(0, colon), key.slice(colon + 1)];
  return [undefined, key];
}

export function findKeyUsage(files: readonly SourceFile[], knownNamespaces: ReadonlySet<string>): KeyUsage {
  const exact = new Map<string, string>();
  const patterns: RegExp[] = [];
  const addExact = (id: string, path: string) => {
    if (!exact.has(id)) exact.set(id, path);
  };
  for (const file of files) {
    const namespaces = namespacesOf(file.text, knownNamespaces);
    const keys = [
      ...[...file.text.matchAll(T_CALL)].flatMap((m) => literalsIn(firstArgument(file.text, m.index + m[0].length))),
      ...[...file.text.matchAll(I18N_KEY)].map((m) => m[2]!),
    ].filter((key) => KEY_SHAPE.test(key));
    for (const key of keys) {
      if (key.includes('${')) {
        patterns.push(patternFor(key, namespaces, knownNamespaces));
        continue;
      }
      const [ns, rest] = splitNamespace(key, knownNamespaces);
      if (ns) addExact(`${ns}:${rest}`, file.path);
      // Unprefixed: the key belongs to whichever of the file's namespaces has it (resolved later).
      else addExact(`${namespaces.join('|')}:${rest}`, file.path);
    }
    for (const match of file.text.matchAll(ANY_LITERAL)) {
      const [ns, rest] = splitNamespace(match[2]!, knownNamespaces);
      if (ns) addExact(`${ns}:${rest}`, file.path);
    }
    for (const match of file.text.matchAll(COMMENT_KEYS)) {
      for (const item of match[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean))
        patterns.push(patternFor(item, namespaces, knownNamespaces));
    }
  }
  return { exact, patterns };
}
