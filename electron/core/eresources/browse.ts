// Browsing the digital library: topics in the configured order with counts, featured items, and
// accent-insensitive search (the catalogue's folding) with format and audience filters. A query
// typed in Telex/VNI without conversion is also read as Vietnamese (`telexCandidates`).
import { telexCandidates } from '../../../common/vietnamese/typing';
import type { BrowseResponse, EresourceView } from '#contract/eresources';
import type { KioskContext } from '../context';
import { foldedWords } from '../text/fold';
import { allResources, toView, type ResourceRow } from './store';

export interface BrowseQuery {
  query: string;
  topic?: string | undefined;
  format?: EresourceView['format'] | undefined;
  audience?: string | undefined;
  limit: number;
}

/** Every query word must start a word of the resource's folded text; a title match ranks first. */
export function matchScore(row: Pick<ResourceRow, 'title' | 'search_text'>, queryWords: string[]): number | undefined {
  if (queryWords.length === 0) return 0;
  const words = new Set(row.search_text.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const titleWords = foldedWords(row.title);
  let score = 0;
  for (const q of queryWords) {
    let found = false;
    for (const w of words) {
      if (w.startsWith(q)) {
        found = true;
        break;
      }
    }
    if (!found) return undefined;
    if (titleWords.some((w) => w === q)) score += 3;
    else if (titleWords.some((w) => w.startsWith(q))) score += 2;
    else score += 1;
  }
  return score;
}

/** The best score over the query as typed and its Telex/VNI reading ("sachs" → "sách"). */
export function bestScore(row: Pick<ResourceRow, 'title' | 'search_text'>, readings: string[][]): number | undefined {
  let best: number | undefined;
  for (const words of readings) {
    const score = matchScore(row, words);
    if (score !== undefined && (best === undefined || score > best)) best = score;
  }
  return best;
}

/** Audience filter: 'all' resources suit everyone, so they show under any audience. */
function audienceFits(row: ResourceRow, audience: string | undefined): boolean {
  return audience === undefined || row.audience === audience || row.audience === 'all';
}

export function browse(ctx: KioskContext, q: BrowseQuery): BrowseResponse {
  const rows = allResources(ctx.db);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.topic, (counts.get(row.topic) ?? 0) + 1);
  const configured = ctx.config.eresources.topics;
  const extra = [...counts.keys()].filter((t) => !configured.includes(t)).sort((a, b) => a.localeCompare(b, 'vi'));
  const topics = [...configured, ...extra].map((name) => ({ name, count: counts.get(name) ?? 0 }));

  const readings = telexCandidates(q.query).map((candidate) => foldedWords(candidate));
  const scored: { row: ResourceRow; score: number }[] = [];
  for (const row of rows) {
    if (q.topic !== undefined && row.topic !== q.topic) continue;
    if (q.format !== undefined && row.format !== q.format) continue;
    if (!audienceFits(row, q.audience)) continue;
    const score = bestScore(row, readings);
    if (score === undefined) continue;
    scored.push({ row, score });
  }
  scored.sort((a, b) => b.score - a.score || b.row.featured - a.row.featured || a.row.title.localeCompare(b.row.title, 'vi'));
  const featured = rows.filter((r) => r.featured === 1).slice(0, ctx.config.eresources.featuredCount);
  return {
    topics,
    featured: featured.map(toView),
    results: scored.slice(0, q.limit).map((s) => toView(s.row)),
    total: scored.length,
  };
}
