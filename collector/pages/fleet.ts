// The technician's attention list: one row per terminal and reason, with what the kiosk's own
// health record says about it and how long it has needed attention.
import type { Attention } from '../fleet';
import type { Lang, Texts } from '../i18n';
import { dateTime, esc, num } from './html';

function detail(lang: Lang, t: Texts, a: Attention): string {
  const h = a.health?.record;
  const f = t.fleet;
  switch (a.reason) {
    case 'old_backup':
      if (!h) return '';
      return h.backupAgeHours === null ? f.backupNone : f.backupAge(Math.floor(h.backupAgeHours / 24), h.backupAgeHours % 24);
    case 'low_disk':
      return h?.freeDiskMb == null ? '' : f.disk(num(lang, h.freeDiskMb));
    case 'clock_skew': {
      if (!a.health) return '';
      const minutes = Math.round(Math.abs(a.health.skewSeconds) / 60);
      return f.skew(a.health.skewSeconds > 0, f.minutes(Math.floor(minutes / 60), minutes % 60));
    }
    case 'self_test':
      return h ? f.selfTest(h.selfTestFailures.join(', ')) : '';
    case 'cloned':
      return f.clonedHelp;
    case 'upload_errors':
      return h ? f.uploadErrors(h.uploadErrors.last24h, h.uploadErrors.last ? (f.errorKinds[h.uploadErrors.last.kind] ?? h.uploadErrors.last.kind) : '—') : '';
    default:
      return '';
  }
}

export function renderFleet(lang: Lang, t: Texts, list: Attention[], now: number): string {
  const rows = list
    .map((a) => {
      const days = Math.floor((now - Date.parse(a.since)) / 86_400_000);
      const version = a.health?.record.version ?? a.terminal.lastSoftware ?? '—';
      return `<tr><td class="l">${esc(a.terminal.communeName)} (${esc(a.terminal.communeCode)})</td><td class="l">${esc(a.terminal.name)}</td><td class="l">${esc(a.terminal.id)}</td><td class="l">${esc(
        t.fleet.reasons[a.reason]!,
      )}</td><td class="l">${esc(detail(lang, t, a))}</td><td class="l">${esc(dateTime(lang, a.since))} (${esc(t.fleet.days(Math.max(0, days)))})</td><td class="l">${esc(version)}</td></tr>`;
    })
    .join('\n');
  const head = [t.dash.commune, t.terminals.name, t.dash.code, t.fleet.reason, t.fleet.detail, t.fleet.since, t.terminals.software]
    .map((h) => `<th class="l" scope="col">${esc(h)}</th>`)
    .join('');
  const table = `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
  return `<p>${esc(t.fleet.intro)}</p>${list.length ? table : `<p>${esc(t.fleet.none)}</p>`}`;
}
