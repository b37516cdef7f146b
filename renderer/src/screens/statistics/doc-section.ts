// docs/indicators.md holds both languages, each after a `<!-- lang:xx -->` line: this picks the
// staff member's (English for any language the document does not have).
export function docSection(markdown: string, language: string): string {
  const parts = new Map<string, string>();
  const marker = /^<!-- lang:([a-z]{2}) -->$/gm;
  const found = [...markdown.matchAll(marker)];
  found.forEach((m, i) => parts.set(m[1]!, markdown.slice(m.index! + m[0].length, found[i + 1]?.index ?? markdown.length).trim()));
  return parts.get(language) ?? parts.get('en') ?? markdown;
}
