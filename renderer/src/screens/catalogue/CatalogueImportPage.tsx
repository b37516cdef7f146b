// Staff page "Nhập vốn sách": choose a MARC/MARCXML/CSV/XLSX file (or a rotation batch list) from
// a USB stick or the PC, send it to the kiosk in chunks read one at a time (a file of a gigabyte is
// never held whole in the page), follow the kiosk's progress (sending, reading, checking, saving:
// a bar and "n / total records"), and show the import report record by record.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, type ImportEncoding, type ImportReport } from '#contract/catalogue';
import { useApi } from '../../api/context';
import { useFormat } from '../../i18n/format';
import '../../styles/catalogue.css';
import { useCatalogueExplain } from './explain';
import { MarcExportPanel } from './MarcExportPanel';

type Phase = 'uploading' | 'reading' | 'checking' | 'saving' | 'done';
/** What the bar counts: bytes sent, or records saved. */
type Progress = { phase: Phase; done: number; total: number };
const SHOWN_REJECTIONS = 50;
/** '' lets the kiosk detect the encoding; the others are for a file it found ambiguous. */
// i18n-keys: staff.encodings.*
const ENCODINGS: ('' | ImportEncoding)[] = ['', 'utf-8', 'windows-1258', 'tcvn3', 'vni', 'viscii'];

/** Base64 of a byte range; chunked so a large file never builds one huge string argument list. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function CatalogueImportPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('catalogue');
  const explain = useCatalogueExplain();
  const [file, setFile] = useState<File>();
  const [target, setTarget] = useState<'catalogue' | 'rotation'>('catalogue');
  const [dryRun, setDryRun] = useState(false);
  const [encoding, setEncoding] = useState<'' | ImportEncoding>('');
  const [progress, setProgress] = useState<Progress>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();

  const start = async () => {
    if (!file) return;
    setReport(undefined);
    setError(undefined);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(t('staff.tooBig'));
      return;
    }
    setProgress({ phase: 'uploading', done: 0, total: file.size });
    let stop = () => {};
    try {
      const { uploadId, chunkBytes } = await api.call('catalogue.importBegin', { staffToken, fileName: file.name, size: file.size, target });
      stop = api.on('catalogue.importProgress', (p) => {
        if (p.uploadId === uploadId && p.phase !== 'done') setProgress({ phase: p.phase, done: p.done, total: p.total });
      });
      // One chunk read from the file at a time: memory stays flat whatever the file's size.
      for (let index = 0, at = 0; at < file.size; index++, at += chunkBytes) {
        const bytes = new Uint8Array(await file.slice(at, at + chunkBytes).arrayBuffer());
        await api.call('catalogue.importChunk', { staffToken, uploadId, index, data: toBase64(bytes) });
        setProgress({ phase: 'uploading', done: Math.min(file.size, at + chunkBytes), total: file.size });
      }
      setProgress({ phase: 'reading', done: 0, total: 0 });
      setReport(await api.call('catalogue.importFinish', { staffToken, uploadId, dryRun, ...(encoding ? { encoding } : {}) }));
      setProgress({ phase: 'done', done: 1, total: 1 });
    } catch (e) {
      setError(explain.error(e));
      setProgress(undefined);
    } finally {
      stop();
    }
  };

  const busy = progress !== undefined && progress.phase !== 'done';
  return (
    <div className="catalogue-import">
      <p>{t('staff.importIntro')}</p>
      <fieldset>
        <legend>{t('staff.target')}</legend>
        {(['catalogue', 'rotation'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="import-target" value={value} checked={target === value} onChange={() => setTarget(value)} />
            {value === 'catalogue' ? t('staff.targetCatalogue') : t('staff.targetRotation')}
          </label>
        ))}
      </fieldset>
      <div className="file-row">
        <label className="button secondary file-pick">
          {t('staff.chooseFile')}
          <input
            type="file"
            className="visually-hidden"
            aria-label={t('staff.file')}
            accept=".mrc,.marc,.xml,.csv,.txt,.xlsx"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <span>{file ? file.name : t('staff.noFile')}</span>
      </div>
      <label className="choice">
        {t('staff.encoding')}{' '}
        <select value={encoding} onChange={(e) => setEncoding(e.target.value as '' | ImportEncoding)}>
          {ENCODINGS.map((value) => (
            <option key={value} value={value}>
              {t(`staff.encodings.${value || 'auto'}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="choice">
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
        {t('staff.dryRun')}
      </label>
      <button type="button" className="button" disabled={!file || busy} onClick={() => void start()}>
        {t('staff.start')}
      </button>

      {progress && <ImportProgress progress={progress} />}
      {error && (
        <p className="banner error" role="alert">
          <strong>{t('staff.failed')}</strong> {error}
        </p>
      )}
      {report && <ImportReportView report={report} />}
      <MarcExportPanel staffToken={staffToken} />
    </div>
  );
}

function ImportProgress({ progress }: { progress: Progress }) {
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  const percent = progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  // Sending counts megabytes; saving counts records; reading and checking have no count yet.
  const counted = progress.total > 0 && (progress.phase === 'uploading' || progress.phase === 'saving');
  const megabytes = (bytes: number) => format.number(Math.round(bytes / 2 ** 20));
  const box = useRef<HTMLDivElement>(null);
  // Below the form on a 1366×768 screen: brought into view once, when the import starts.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div ref={box} role="status" aria-live="polite" className="import-progress-box" data-testid="import-progress">
      <p>{t(`staff.phase.${progress.phase}`)}</p>
      <progress className="import-progress" max={100} value={progress.phase === 'done' ? 100 : percent} aria-label={t('staff.progress')}>
        {t('staff.progressPercent', { percent })}
      </progress>
      {counted && (
        <p className="import-progress-count">
          {progress.phase === 'uploading'
            ? t('staff.progressBytes', { percent, done: megabytes(progress.done), total: megabytes(progress.total) })
            : t('staff.progressRecords', { percent, done: format.number(progress.done), total: format.number(progress.total) })}
        </p>
      )}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('catalogue');
  const explain = useCatalogueExplain();
  const section = useRef<HTMLElement>(null);
  // A block body: Chromium's scrollIntoView may return a promise, which React would take as a cleanup.
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
  }, [report]);
  const counts = ['imported', 'updated', 'unchanged', 'warned', 'rejected', 'itemsAdded'] as const;
  return (
    <section ref={section} aria-labelledby="import-report" data-testid="import-report">
      <h2 id="import-report">{t('staff.reportTitle')}</h2>
      {report.dryRun && <p className="banner warning">{t('staff.dryRunNote')}</p>}
      <p>{t('staff.format', { format: report.format, encoding: report.encoding, records: report.records })}</p>
      {report.encodingConfidence !== undefined && <p>{t('staff.encodingConfidence', { percent: Math.round(report.encodingConfidence * 100) })}</p>}
      {report.batch && <p>{t('staff.batch', { code: report.batch.code })}</p>}
      <dl className="import-counts">
        {counts.map((key) => (
          <div key={key}>
            <dt>{t(`staff.${key}`)}</dt>
            <dd>{report[key]}</dd>
          </div>
        ))}
      </dl>
      {report.warnings.length > 0 && (
        <>
          <h3>{t('staff.warningsTitle')}</h3>
          <ul data-testid="import-warnings">
            {report.warnings.slice(0, SHOWN_REJECTIONS).map((w, i) => (
              <li key={`${w.unit}-${w.at}-${w.reason}-${i}`}>{explain.warning(w)}</li>
            ))}
          </ul>
          {report.warnings.length + report.unlisted.warnings > SHOWN_REJECTIONS && (
            <p>{t('staff.warningsMore', { count: report.warnings.length + report.unlisted.warnings - SHOWN_REJECTIONS })}</p>
          )}
        </>
      )}
      {report.rejections.length > 0 && (
        <>
          <h3>{t('staff.rejectionsTitle')}</h3>
          <ul>
            {report.rejections.slice(0, SHOWN_REJECTIONS).map((r) => (
              <li key={`${r.unit}-${r.at}-${r.reason}`}>{explain.rejection(r)}</li>
            ))}
          </ul>
          {report.rejected > SHOWN_REJECTIONS && <p>{t('staff.rejectionsMore', { count: report.rejected - SHOWN_REJECTIONS })}</p>}
        </>
      )}
    </section>
  );
}
