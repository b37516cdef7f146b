// Staff page "Báo cáo thống kê": choose a period, see the programme's targets against the same
// period last year, every indicator, a chart, export the official report, and the upload status.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { formatDay } from '../../../../common/calendar';
import { useFormat, type Formatters } from '../../i18n/format';
import { useTranslation } from 'react-i18next';
import type { DayIndicator, ExportFormat, StatisticsReport } from '#contract/statistics';
import { DAY_INDICATORS, parsePeriod } from '#contract/statistics';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { useLoad } from '../../api/useLoad';
import { BarChart } from './BarChart';
import { presetPeriod, PRESETS } from './presets';
import { UploadStatus } from './UploadStatus';
import '../../styles/statistics.css';
import { Banner } from '../../components/Banner';
import { FieldError } from '../../components/FieldError';

const IndicatorsHelp = lazy(() => import('./IndicatorsHelp'));

const TARGET_ROWS = ['users', 'items_served', 'rotation_loans', 'items_added'] as const;

const dateText = formatDay;

function pct(n: number | null, format: Formatters, digits = 1): string {
  return n === null ? '—' : `${n > 0 ? '+' : ''}${format.decimal(n, digits)} %`;
}

function residentsWindow(report: StatisticsReport, format: Formatters) {
  const r = report.residents;
  return { served: format.number(r.served), from: dateText(r.servedFrom), to: dateText(r.servedTo) };
}

function download(filename: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportsPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('statistics');
  const format = useFormat();
  const [helpOpen, setHelpOpen] = useState(false);
  const [period, setPeriod] = useState(() => presetPeriod('half'));
  const [custom, setCustom] = useState('');
  // The custom period is checked where it is typed, with the same parser the core uses.
  const [customProblem, setCustomProblem] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string>();
  const [chartKey, setChartKey] = useState<DayIndicator>('items_served');
  const [exporting, setExporting] = useState<ExportFormat>();
  const [exported, setExported] = useState<string>();

  const explain = useCallback((e: unknown) => apiErrorText(t, e, 'errors.unavailable'), [t]);

  const loaded = useLoad<StatisticsReport>(() => api.call('statistics.report', { staffToken, period }), [api, staffToken, period]);
  const report = loaded.value;
  const loading = loaded.loading;
  // A failed export says why until the next export; a failed report until the report loads.
  const error = exportError ?? (loaded.error !== undefined ? explain(loaded.error) : undefined);

  const bars = useMemo(
    () =>
      report?.series.points.map((p) => ({
        bucket: p.bucket,
        label: report.series.unit === 'month' ? `${p.bucket.slice(5, 7)}/${p.bucket.slice(0, 4)}` : p.bucket.slice(8, 10),
        value: p.values[chartKey] ?? 0,
      })) ?? [],
    [report, chartKey],
  );

  const exportAs = async (format: ExportFormat) => {
    setExporting(format);
    setExported(undefined);
    setExportError(undefined);
    try {
      const file = await api.call('statistics.export', { staffToken, period, format });
      download(file.filename, file.mimeType, file.base64);
      setExported(t('export.done', { file: file.filename }));
    } catch (e) {
      setExportError(explain(e));
    } finally {
      setExporting(undefined);
    }
  };

  const row = (key: string) => report?.rows.find((r) => r.indicator === key);

  return (
    <div className="stats-page">
      <section className="stats-period" aria-labelledby="stats-period-title">
        <h2 id="stats-period-title" className="visually-hidden">
          {t('period.label')}
        </h2>
        <div className="stats-presets" role="group" aria-label={t('period.label')}>
          {PRESETS.map((id) => {
            const value = presetPeriod(id);
            return (
              <button
                key={id}
                type="button"
                className={`button ${value === period ? '' : 'secondary'}`}
                aria-pressed={value === period}
                onClick={() => setPeriod(value)}
              >
                {t(`period.presets.${id}`)}
              </button>
            );
          })}
        </div>
        <form
          className="stats-custom"
          onSubmit={(e) => {
            e.preventDefault();
            const text = custom.trim();
            const problem = !text ? t('common:form.empty', { action: t('period.apply') }) : parsePeriod(text) ? null : t('errors.bad_period');
            setCustomProblem(problem);
            if (!problem) setPeriod(text);
          }}
          noValidate
        >
          <label className="field">
            <span>{t('period.custom')}</span>
            <input
              value={custom}
              onChange={(e) => {
                setCustom(e.target.value);
                setCustomProblem(null);
              }}
              placeholder="2026-01-01..2026-03-31"
              aria-invalid={customProblem ? true : undefined}
              aria-describedby={customProblem ? 'stats-custom-error stats-custom-hint' : 'stats-custom-hint'}
            />
            <small id="stats-custom-hint">{t('period.customHint')}</small>
            <FieldError id="stats-custom-error" text={customProblem} />
          </label>
          <button type="submit" className="button secondary">
            {t('period.apply')}
          </button>
        </form>
      </section>

      <Banner kind="error" text={error} />
      {loading && !report && <p role="status">{t('loading')}</p>}

      {report && (
        <>
          <p className="stats-range" data-testid="stats-range">
            <strong>{report.period.label}</strong> · {t('period.range', { from: dateText(report.period.from), to: dateText(report.period.to) })} ·{' '}
            {t('period.previous', { from: dateText(report.previousPeriod.from), to: dateText(report.previousPeriod.to) })}
            {report.partial && <span className="stats-partial"> · {t('period.partial')}</span>}
          </p>

          <section aria-labelledby="stats-targets-title">
            <h2 id="stats-targets-title">{t('targets.title')}</h2>
            <ul className="stats-targets">
              {TARGET_ROWS.map((key) => {
                const r = row(key)!;
                const target = r.target ? (r.target.minPct === r.target.maxPct ? `${r.target.minPct} %` : `${r.target.minPct}–${r.target.maxPct} %`) : '';
                return (
                  <li key={key} className={r.targetMet === null ? '' : r.targetMet ? 'met' : 'not-met'} data-testid={`target-${key}`}>
                    <span className="name">{t(`indicators.${key}`)}</span>
                    <span className="value">{format.number(r.current)}</span>
                    <span className="growth">{r.growthPct === null ? t('targets.noBase') : `${t('targets.growth')}: ${pct(r.growthPct, format)}`}</span>
                    <span className="target">
                      {t('targets.target', { target })}
                      {r.targetMet !== null && <strong> · {r.targetMet ? t('targets.met') : t('targets.notMet')}</strong>}
                    </span>
                  </li>
                );
              })}
              <li className={report.residents.targetMet === null ? '' : report.residents.targetMet ? 'met' : 'not-met'} data-testid="target-residents">
                <span className="name">{t('targets.residents')}</span>
                {report.residents.count === null ? (
                  <>
                    <span className="value">{format.number(report.residents.served)}</span>
                    <span className="growth">{t('targets.residentsServed', residentsWindow(report, format))}</span>
                    <span className="growth">{t('targets.residentsUnknown')}</span>
                  </>
                ) : (
                  <>
                    <span className="value">{pct(report.residents.usersPct, format, 2).replace('+', '')}</span>
                    <span className="growth">
                      {t('targets.residentsValue', { ...residentsWindow(report, format), count: format.number(report.residents.count) })}
                    </span>
                  </>
                )}
                <span className="target">
                  {t('targets.residentsTarget', { min: report.residents.targetMinPct, max: report.residents.targetMaxPct })}
                  {report.residents.targetMet !== null && <strong> · {report.residents.targetMet ? t('targets.met') : t('targets.notMet')}</strong>}
                </span>
                {report.residents.yearToDate && <span className="target">{t('targets.residentsYearToDate')}</span>}
              </li>
            </ul>
          </section>

          <section aria-labelledby="stats-chart-title">
            <h2 id="stats-chart-title">{t('chart.title', { unit: t(`chart.units.${report.series.unit}`) })}</h2>
            <label className="field stats-chart-pick">
              <span>{t('chart.indicator')}</span>
              <select value={chartKey} onChange={(e) => setChartKey(e.target.value as DayIndicator)}>
                {DAY_INDICATORS.map((key) => (
                  <option key={key} value={key}>
                    {t(`indicators.${key}`)}
                  </option>
                ))}
              </select>
            </label>
            {bars.some((b) => b.value > 0) ? <BarChart bars={bars} title={t(`indicators.${chartKey}`)} /> : <p>{t('chart.empty')}</p>}
          </section>

          <section aria-labelledby="stats-table-title">
            <h2 id="stats-table-title">{t('table.title')}</h2>
            <table className="stats-table">
              <thead>
                <tr>
                  <th scope="col">{t('table.indicator')}</th>
                  <th scope="col">{t('table.current')}</th>
                  <th scope="col">{t('table.previous')}</th>
                  <th scope="col">{t('table.growth')}</th>
                  <th scope="col">{t('table.target')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.indicator} data-testid={`row-${r.indicator}`}>
                    <th scope="row">{t(`indicators.${r.indicator}`)}</th>
                    <td>{format.number(r.current)}</td>
                    <td>{format.number(r.previous)}</td>
                    <td>{pct(r.growthPct, format)}</td>
                    <td>{r.targetMet === null ? '' : r.targetMet ? t('targets.met') : t('targets.notMet')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="stats-help-title">
            <h2 id="stats-help-title" className="visually-hidden">
              {t('help.title')}
            </h2>
            <button type="button" className="button secondary" aria-expanded={helpOpen} aria-controls="stats-help" onClick={() => setHelpOpen((open) => !open)}>
              {helpOpen ? t('help.hide') : t('help.show')}
            </button>
            <div id="stats-help">
              {helpOpen && (
                <Suspense fallback={<p role="status">{t('help.loading')}</p>}>
                  <IndicatorsHelp language={i18n.language} />
                </Suspense>
              )}
            </div>
          </section>

          <section className="stats-export" aria-labelledby="stats-export-title">
            <h2 id="stats-export-title">{t('export.title')}</h2>
            {(['xlsx', 'pdf', 'csv'] as const).map((format) => (
              <button key={format} type="button" className="button" disabled={exporting !== undefined} onClick={() => void exportAs(format)}>
                {exporting === format ? t('export.working') : t(`export.${format}`)}
              </button>
            ))}
            <Banner kind="success" text={exported} />
          </section>
        </>
      )}

      <UploadStatus staffToken={staffToken} />
    </div>
  );
}
