// Staff page "Nhập vốn sách": choose a MARC/MARCXML/CSV/XLSX file (or a rotation batch list),
// send it to the kiosk in chunks with a progress bar, and show the import report record by record.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, type ImportEncoding, type ImportReport } from '../../../../electron/contract/catalogue';
import { useApi } from '../../api/context';
import '../../styles/catalogue.css';
import { useCatalogueExplain } from './explain';
import { MarcExportPanel } from './MarcExportPanel';

type Phase = 'uploading' | 'checking' | 'saving' | 'done';
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
  const [progress, setProgress] = useState<{ phase: Phase; percent: number }>();
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
    setProgress({ phase: 'uploading', percent: 0 });
    let stop = () => {};
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { uploadId, chunkBytes } = await api.call('catalogue.importBegin', { staffToken, fileName: file.name, size: bytes.length, target });
      stop = api.on('catalogue.importProgress', (p) => {
        if (p.uploadId === uploadId && p.phase !== 'done') setProgress({ phase: p.phase === 'reading' ? 'checking' : p.phase, percent: p.total ? Math.round((p.done / p.total) * 100) : 0 });
      });
      for (let index = 0, at = 0; at < bytes.length; index++, at += chunkBytes) {
        await api.call('catalogue.importChunk', { staffToken, uploadId, index, data: toBase64(bytes.subarray(at, at + chunkBytes)) });
        setProgress({ phase: 'uploading', percent: Math.round((Math.min(bytes.length, at + chunkBytes) / bytes.length) * 100) });
      }
      setProgress({ phase: 'checking', percent: 0 });
      setReport(await api.call('catalogue.importFinish', { staffToken, uploadId, dryRun, ...(encoding ? { encoding } : {}) }));
      setProgress({ phase: 'done', percent: 100 });
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
          <input type="file" className="visually-hidden" aria-label={t('staff.file')} accept=".mrc,.marc,.xml,.csv,.txt,.xlsx" onChange={(e) => setFile(e.target.files?.[0])} />
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

      {progress && (
        <div role="status" aria-live="polite">
          <p>{t(`staff.phase.${progress.phase}`)}</p>
          <progress className="import-progress" max={100} value={progress.percent} aria-label={t('staff.progress')}>
            {t('staff.progressPercent', { percent: progress.percent })}
          </progress>
        </div>
      )}
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
          {report.warnings.length > SHOWN_REJECTIONS && <p>{t('staff.warningsMore', { count: report.warnings.length - SHOWN_REJECTIONS })}</p>}
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
          {report.rejections.length > SHOWN_REJECTIONS && <p>{t('staff.rejectionsMore', { count: report.rejections.length - SHOWN_REJECTIONS })}</p>}
        </>
      )}
    </section>
  );
}
