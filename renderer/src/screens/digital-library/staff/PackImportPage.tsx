// Staff page "Gói nội dung": installed packs with disk usage against the quota, packs found on a USB
// stick (or in a folder staff type), import with a progress bar, import from a URL, and removal.
import { useFormat } from '../../../i18n/format';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { packsResponse, packSource } from '#contract/eresources';
import { apiErrorText } from '../../../api/error-text'; // i18n-keys: errors.*
import { Banner } from '../../../components/Banner';
import { FieldError } from '../../../components/FieldError';
import { useApi } from '../../../api/context';
import '../../../styles/digital-library.css';

type Packs = z.infer<typeof packsResponse>;
type Source = z.infer<typeof packSource>;

function useMegabytes() {
  const format = useFormat();
  return (bytes: number) => format.decimal(bytes / 1024 / 1024);
}

type Place = 'packs' | 'usb' | 'url';

export function PackImportPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('eresources');
  const mb = useMegabytes();
  const [packs, setPacks] = useState<Packs>();
  const [sources, setSources] = useState<Source[]>();
  const [folder, setFolder] = useState('');
  const [url, setUrl] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number; phase: string; at: Place }>();
  // Said where staff acted: the installed list, the USB section, or the address box.
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; at: Place }>();
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    api
      .call('eresources.packs', { staffToken })
      .then(setPacks, (e: unknown) => setMessage({ kind: 'error', text: apiErrorText(t, e, 'errors.unavailable'), at: 'packs' }));
  }, [api, staffToken, t]);

  const scan = useCallback(
    (dir?: string) => {
      api.call('eresources.sources', { staffToken, ...(dir ? { folder: dir } : {}) }).then(
        (value) => setSources(value.files),
        (e: unknown) => setMessage({ kind: 'error', text: apiErrorText(t, e, 'errors.unavailable'), at: 'usb' }),
      );
    },
    [api, staffToken, t],
  );

  useEffect(() => {
    reload();
    scan();
  }, [reload, scan]);

  const install = async (at: Place, run: (jobId: string) => Promise<{ pack: { title: string; version: string }; replacedVersion: string | null }>) => {
    const jobId = `job-${Date.now().toString(36)}`;
    setBusy(true);
    setMessage(undefined);
    setProgress({ done: 0, total: 0, phase: 'checking', at });
    const stop = api.on('eresources.installProgress', (p) => {
      if (p.jobId === jobId) setProgress({ done: p.bytesDone, total: p.bytesTotal, phase: p.phase, at });
    });
    try {
      const result = await run(jobId);
      setMessage({
        kind: 'success',
        text: result.replacedVersion
          ? t('staff.replaced', { title: result.pack.title, version: result.pack.version, old: result.replacedVersion })
          : t('staff.installed', { title: result.pack.title, version: result.pack.version }),
        at,
      });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: apiErrorText(t, e, 'errors.unavailable'), at });
    } finally {
      stop();
      setBusy(false);
      setProgress(undefined);
    }
  };

  const remove = async (packId: string, title: string) => {
    if (!window.confirm(t('staff.confirmRemove', { title }))) return;
    try {
      await api.call('eresources.remove', { staffToken, packId });
      setMessage({ kind: 'success', text: t('staff.removed', { title }), at: 'packs' });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: apiErrorText(t, e, 'errors.unavailable'), at: 'packs' });
    }
  };

  /** The message and the install progress, shown in the section where staff acted. */
  const outcome = (place: Place) => (
    <>
      {/* Banner brings a new outcome into sight: on a long page it may land below the fold. */}
      <Banner kind={message?.kind ?? 'success'} text={message?.at === place ? message.text : null} />
      {progress?.at === place && (
        <div role="status" aria-live="polite">
          <p>{t(`staff.phase.${progress.phase}`)}</p>
          <progress className="pack-progress" max={100} value={percent} aria-label={t('staff.progress')}>
            {percent}%
          </progress>
          <p>{progress.total > 0 ? t('staff.progressBytes', { done: mb(progress.done), total: mb(progress.total), percent }) : ''}</p>
        </div>
      )}
    </>
  );
  const usage = packs?.usage;
  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <div className="pack-import">
      {outcome('packs')}

      <section aria-labelledby="usage-title">
        <h2 id="usage-title">{t('staff.usageTitle')}</h2>
        {usage && (
          <>
            <div className="usage-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, (usage.usedBytes / usage.quotaBytes) * 100)}%` }} />
            </div>
            <p data-testid="disk-usage">
              {t('staff.usage', { used: mb(usage.usedBytes), quota: mb(usage.quotaBytes) })}
              {usage.freeBytes !== null ? ` ${t('staff.diskFree', { free: mb(usage.freeBytes) })}` : ''}
            </p>
          </>
        )}
        {packs && packs.packs.length === 0 && <p>{t('staff.noPacks')}</p>}
        {packs && packs.packs.length > 0 && (
          <table className="staff-table">
            <thead>
              <tr>
                <th>{t('staff.columns.title')}</th>
                <th>{t('staff.columns.version')}</th>
                <th>{t('staff.columns.publisher')}</th>
                <th>{t('staff.columns.resources')}</th>
                <th>{t('staff.columns.size')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {packs.packs.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.title}
                    <br />
                    <small>{p.id}</small>
                  </td>
                  <td>{p.version}</td>
                  <td>{p.publisher}</td>
                  <td>{p.resources}</td>
                  <td>{t('staff.megabytes', { value: mb(p.bytes) })}</td>
                  <td>
                    <button type="button" className="button secondary" disabled={busy} onClick={() => void remove(p.id, p.title)}>
                      {t('staff.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="usb-title">
        <h2 id="usb-title">{t('staff.usbTitle')}</h2>
        <p>{t('staff.usbHint')}</p>
        <form
          className="library-search"
          onSubmit={(e) => {
            e.preventDefault();
            scan(folder.trim() || undefined);
          }}
          noValidate
        >
          <label htmlFor="pack-folder" className="visually-hidden">
            {t('staff.folderLabel')}
          </label>
          <input
            id="pack-folder"
            className="library-search-input"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder={t('staff.folderPlaceholder')}
          />
          <button type="submit" className="button secondary">
            {t('staff.findPacks')}
          </button>
        </form>
        {outcome('usb')}
        {sources && sources.length === 0 && <p>{t('staff.noSources')}</p>}
        <ul className="source-list">
          {sources?.map((s) => (
            <li key={s.path}>
              <span>
                <strong>{s.name}</strong> ({t('staff.megabytes', { value: mb(s.bytes) })})
                <br />
                <small>{s.path}</small>
              </span>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void install('usb', (jobId) => api.call('eresources.install', { staffToken, path: s.path, jobId }))}
              >
                {t('staff.install')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="url-title">
        <h2 id="url-title">{t('staff.urlTitle')}</h2>
        <form
          className="library-search"
          onSubmit={(e) => {
            e.preventDefault();
            const address = url.trim();
            const problem = !address
              ? t('common:form.empty', { action: t('staff.download') })
              : /^https?:\/\/\S+$/i.test(address)
                ? null
                : t('staff.urlInvalid');
            setUrlProblem(problem);
            if (!problem) void install('url', (jobId) => api.call('eresources.installUrl', { staffToken, url: address, jobId }));
          }}
          noValidate
        >
          <label htmlFor="pack-url" className="visually-hidden">
            {t('staff.urlLabel')}
          </label>
          <input
            id="pack-url"
            className="library-search-input"
            type="url"
            value={url}
            onChange={(e) => (setUrl(e.target.value), setUrlProblem(null))}
            placeholder="https://…/goi.zip"
            aria-invalid={urlProblem ? true : undefined}
            aria-describedby={urlProblem ? 'pack-url-error' : undefined}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('staff.download')}
          </button>
        </form>
        <FieldError id="pack-url-error" text={urlProblem} />
        {outcome('url')}
      </section>
    </div>
  );
}
