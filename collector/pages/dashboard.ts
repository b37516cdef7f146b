// The dashboard (province or one commune): indicators against last year and the targets, the
// communes behind their targets first, a monthly trend chart (uPlot, data in a JSON block the
// chart script reads, so the CSP needs no inline script) and, for one commune, its kiosks.
import type { Assessment, CommuneAssessment, IndicatorAssessment } from '../assessment';
import type { Lang, Texts } from '../i18n';
import type { TerminalRow } from '../store/types';
import { targetText } from '../targets';
import { dateTime, esc, num, pct } from './html';

export interface Series {
  months: string[];
  visits: number[];
  itemsServed: number[];
  previousVisits: number[];
  previousItemsServed: number[];
}

function verdict(t: Texts, met: boolean | null): string {
  if (met === null) return `<span class="note">${esc(t.dash.noBase)}</span>`;
  return met ? `<span class="met">✓ ${esc(t.dash.met)}</span>` : `<span class="not-met">✗ ${esc(t.dash.notMet)}</span>`;
}

interface ShareRow {
  pct: number | null;
  met: boolean | null;
  target: string;
  yearToDate: boolean;
}

function shareVerdict(t: Texts, share: ShareRow): string {
  if (share.pct === null) return `<span class="note">${esc(t.dash.noPopulation)}</span>`;
  if (share.yearToDate) return `<span class="note">${esc(t.dash.judgedAtYearEnd)}</span>`;
  return verdict(t, share.met);
}

function indicatorTable(lang: Lang, t: Texts, rows: IndicatorAssessment[], share: ShareRow): string {
  return `<div class="table-wrap"><table><caption class="note">${esc(t.dash.shareNote)}</caption><thead><tr><th class="l" scope="col">${esc(t.dash.indicator)}</th><th scope="col">${esc(t.dash.current)}</th><th scope="col">${esc(
    t.dash.previous,
  )}</th><th scope="col">${esc(t.dash.change)}</th><th scope="col">${esc(t.dash.target)}</th><th class="l" scope="col">${esc(t.dash.status)}</th></tr></thead><tbody>
${rows
  .map(
    (r) =>
      `<tr><th class="l" scope="row">${esc(t.indicators[r.key] ?? r.key)}</th><td>${num(lang, r.current)}</td><td>${num(lang, r.previous)}</td><td>${pct(lang, r.growthPct)}</td><td>+${esc(targetText(r.target))}</td><td class="l">${verdict(t, r.met)}</td></tr>`,
  )
  .join('\n')}
<tr><th class="l" scope="row">${esc(t.dash.usersShare)}</th><td>${share.pct === null ? '—' : `${num(lang, share.pct, 2)} %`}</td><td></td><td></td><td>${esc(share.target)}</td><td class="l">${shareVerdict(t, share)}</td></tr>
</tbody></table></div>`;
}

function communeRows(lang: Lang, t: Texts, communes: CommuneAssessment[], query: string): string {
  const head = `<tr><th class="l" scope="col">${esc(t.dash.code)}</th><th class="l" scope="col">${esc(t.dash.commune)}</th><th scope="col">${esc(t.dash.terminals)}</th>${[
    'visits',
    'items_served',
    'rotation_loans',
    'items_added',
  ]
    .map((k) => `<th scope="col">${esc(t.indicators[k]!)}</th>`)
    .join('')}<th scope="col">${esc(t.dash.usersShare)}</th><th class="l" scope="col">${esc(t.dash.status)}</th></tr>`;
  const row = (c: CommuneAssessment) =>
    `<tr><td class="l">${esc(c.commune.code)}</td><td class="l"><a href="/communes/${esc(c.commune.code)}${query}">${esc(c.commune.name)}</a></td><td>${c.terminals}</td>${c.indicators
      .map((i) => `<td>${num(lang, i.current)}<br><span class="note">${pct(lang, i.growthPct)}</span></td>`)
      .join('')}<td>${c.sharePct === null ? '—' : `${num(lang, c.sharePct, 2)} %`}</td><td class="l">${
      c.days === 0
        ? `<span class="note">${esc(t.dash.noData)}</span>`
        : c.behind > 0
          ? `<span class="not-met">${esc(t.dash.behindCount(c.behind))}</span>`
          : `<span class="met">${esc(t.dash.onTrack)}</span>`
    }</td></tr>`;
  return `<div class="table-wrap"><table><thead>${head}</thead><tbody>${communes.map(row).join('\n')}</tbody></table></div>`;
}

function chart(t: Texts, series: Series, lang: Lang): string {
  const data = JSON.stringify({
    ...series,
    labels: { visits: t.indicators.visits, itemsServed: t.indicators.items_served, previous: t.dash.previous },
  }).replace(/</g, '\\u003c');
  return `<h2>${esc(t.dash.trend)}</h2><p class="note" id="chart-note">${esc(t.dash.trendNote)}</p>
<div class="chart" id="trend-chart" role="img" aria-labelledby="chart-note" data-lang="${lang}"></div>
<script type="application/json" id="trend-data">${data}</script>`;
}

export function periodForm(t: Texts, label: string, from: string, to: string, action: string): string {
  return `<form method="get" action="${esc(action)}" class="row"><label>${esc(t.period.label)} <input name="period" value="${esc(label)}" aria-describedby="period-help"></label><button type="submit">${esc(
    t.period.show,
  )}</button></form><p id="period-help" class="note">${esc(t.period.range(from, to))}. ${esc(t.period.help)}</p>`;
}

/** Rows of the list of all communes per page, and of the communes behind shown first: a province has
 * a few hundred communes and fits on one page; a national portal (3,300) pages, so the page stays
 * small enough for a commune's slow link and an old PC's browser. */
export const COMMUNES_PER_PAGE = 200;
export const BEHIND_SHOWN = 50;

function pager(t: Texts, page: number, pages: number, href: (page: number) => string): string {
  if (pages <= 1) return '';
  // Every page when few; otherwise the first, the last and those around this one.
  const shown = [...new Set([1, pages, ...Array.from({ length: 7 }, (_, i) => page - 3 + i)])].filter((p) => p >= 1 && p <= pages).sort((x, y) => x - y);
  const links = shown.map((p, i) => {
    const gap = i > 0 && p - shown[i - 1]! > 1 ? '<span aria-hidden="true">…</span> ' : '';
    return p === page ? `${gap}<span aria-current="page" class="button current">${p}</span>` : `${gap}<a class="button" href="${href(p)}">${p}</a>`;
  });
  const step = (p: number, label: string) => (p >= 1 && p <= pages ? `<a class="button" href="${href(p)}">${esc(label)}</a>` : '');
  return `<nav class="row pager" aria-label="${esc(t.dash.pages)}"><span>${esc(t.dash.pageOf(page, pages))}</span> ${step(page - 1, t.dash.previousPage)} ${links.join(' ')} ${step(page + 1, t.dash.nextPage)}</nav>`;
}

export function renderProvince(lang: Lang, t: Texts, a: Assessment, series: Series, page = 1): string {
  const q = `?period=${encodeURIComponent(a.period.label)}`;
  const behind = a.communes.filter((c) => c.behind > 0 && c.days > 0);
  const pages = Math.max(1, Math.ceil(a.communes.length / COMMUNES_PER_PAGE));
  const at = Math.min(page, pages);
  const href = (p: number) => `/${q}${p > 1 ? `&amp;page=${p}` : ''}#all-communes`;
  const behindList = behind.length
    ? `${communeRows(lang, t, behind.slice(0, BEHIND_SHOWN), q)}${behind.length > BEHIND_SHOWN ? `<p class="note">${esc(t.dash.moreBehind(behind.length - BEHIND_SHOWN))}</p>` : ''}`
    : `<p>${esc(t.dash.onTrack)}</p>`;
  return `${periodForm(t, a.period.label, a.period.from, a.period.to, '/')}
<h2>${esc(t.dash.province)} (${a.province.communes} ${esc(t.dash.commune.toLowerCase())}, ${a.province.terminals} ${esc(t.dash.terminals.toLowerCase())})</h2>
${indicatorTable(lang, t, a.province.indicators, { pct: a.province.sharePct, met: a.province.shareMet, target: targetText(a.targets.residents_share), yearToDate: a.shareYearToDate })}
${chart(t, series, lang)}
<h2>${esc(t.dash.behind)}</h2>
${behindList}
<h2 id="all-communes">${esc(t.dash.allCommunes)}</h2>
${communeRows(lang, t, a.communes.slice((at - 1) * COMMUNES_PER_PAGE, at * COMMUNES_PER_PAGE), q)}
${pager(t, at, pages, href)}
<h2>${esc(t.dash.downloads)}</h2>
<p class="row"><a class="button" href="/export.xlsx${q}">${esc(t.dash.exportXlsx)}</a> <a class="button" href="/export.csv${q}">${esc(t.dash.exportCsv)}</a></p>`;
}

export function renderCommune(lang: Lang, t: Texts, a: Assessment, series: Series, terminals: TerminalRow[], now: number): string {
  const c = a.communes[0]!;
  const facts = `<p>${esc(t.dash.code)}: ${esc(c.commune.code)} · ${esc(t.dash.population)}: ${c.commune.population === null ? '—' : num(lang, c.commune.population)} · ${esc(t.dash.rural)}: ${esc(
    c.commune.rural ? t.dash.yes : t.dash.no,
  )} · ${esc(t.dash.disadvantaged)}: ${esc(c.commune.disadvantaged ? t.dash.yes : t.dash.no)}</p>`;
  const kiosks = `<h2>${esc(t.dash.kiosks)}</h2><div class="table-wrap"><table><thead><tr><th class="l" scope="col">${esc(t.terminals.name)}</th><th class="l" scope="col">${esc(
    t.terminals.state,
  )}</th><th class="l" scope="col">${esc(t.dash.lastSeen)}</th><th class="l" scope="col">${esc(t.terminals.software)}</th><th scope="col">${esc(t.dash.daysReceived)}</th></tr></thead><tbody>
${terminals
  .map((k) => {
    const stale = !k.revokedAt && (!k.lastSeenAt || now - Date.parse(k.lastSeenAt) > 7 * 86_400_000);
    return `<tr><td class="l">${esc(k.name)}</td><td class="l">${esc(k.revokedAt ? t.terminals.revoked : k.enrolledAt ? t.terminals.active : t.terminals.pending)}</td><td class="l${stale ? ' not-met' : ''}">${esc(
      k.lastSeenAt ? dateTime(lang, k.lastSeenAt) : t.dash.never,
    )}</td><td class="l">${esc(k.lastSoftware ?? '—')}</td><td>${num(lang, k.days)}</td></tr>`;
  })
  .join('\n')}</tbody></table></div>`;
  return `${periodForm(t, a.period.label, a.period.from, a.period.to, `/communes/${c.commune.code}`)}${facts}
${indicatorTable(lang, t, c.indicators, { pct: c.sharePct, met: c.shareMet, target: targetText(a.targets.residents_share), yearToDate: a.shareYearToDate })}
${chart(t, series, lang)}
${kiosks}`;
}
