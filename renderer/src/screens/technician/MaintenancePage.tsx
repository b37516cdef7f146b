// Technician page: backups (taken daily, or now), copying one to a USB stick, exporting the
// diagnostics bundle, and exporting the CCCD key for a move to a new PC. Everything that leaves
// the PC is sealed with a passphrase the technician types here (twice) and keeps apart from the
// stick: a lost passphrase is a lost copy, and the page says so before anything is written.
import { formatDateTime } from '../../../../common/calendar';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, RemovableMedium } from '#contract/technician';
import { ApiCallError } from '../../api/client';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';

export function MaintenancePage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('technician');
  const [backups, setBackups] = useState<BackupEntry[]>([]);
  const [media, setMedia] = useState<RemovableMedium[]>([]);
  const [destination, setDestination] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');

  const refresh = useCallback(async () => {
    const [list, found] = await Promise.all([api.call('technician.backups', { staffToken }), api.call('technician.removableMedia', { staffToken })]);
    setBackups(list.backups);
    setMedia(found.media);
    setDestination((current) => current || found.media[0]?.path || '');
  }, [api, staffToken]);

  useEffect(() => {
    refresh().catch(() => setMessage({ kind: 'error', text: t('errors.unavailable') }));
  }, [refresh, t]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage({ kind: 'success', text: await work() });
      await refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: apiErrorText(t, error, 'errors.unavailable') });
    } finally {
      setBusy(false);
    }
  };

  const needDestination = () => {
    if (!destination.trim()) throw new ApiCallError({ code: 'invalid_request', message: t('maintenance.chooseDestination') });
    return destination.trim();
  };
  /** The passphrase typed twice, at least 10 characters (the core refuses shorter ones too). */
  const needPassphrase = () => {
    if (passphrase.trim().length < 10) throw new ApiCallError({ code: 'invalid_request', message: t('maintenance.passphraseShort') });
    if (passphrase !== repeat) throw new ApiCallError({ code: 'invalid_request', message: t('maintenance.passphraseMismatch') });
    return passphrase;
  };
  const when = formatDateTime;

  return (
    <div>
      {message && (
        <p className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="maint-dest">
        <h2 id="maint-dest">{t('maintenance.destinationTitle')}</h2>
        <p>{media.length ? t('maintenance.mediaFound', { count: media.length }) : t('maintenance.noMedia')}</p>
        <div className="row">
          {media.map((medium) => (
            <button
              key={medium.path}
              type="button"
              className={`button ${destination === medium.path ? '' : 'secondary'}`}
              onClick={() => setDestination(medium.path)}
            >
              {medium.label}
            </button>
          ))}
          <button type="button" className="button quiet" onClick={() => void refresh()}>
            {t('maintenance.rescan')}
          </button>
        </div>
        <label className="field">
          <span>{t('maintenance.destination')}</span>
          <input value={destination} onChange={(event) => setDestination(event.target.value)} spellCheck={false} />
        </label>
      </section>
      <section aria-labelledby="maint-passphrase">
        <h2 id="maint-passphrase">{t('maintenance.passphraseTitle')}</h2>
        <p>{t('maintenance.passphraseExplain')}</p>
        <p className="banner warning" role="note">
          {t('maintenance.passphraseWarning')}
        </p>
        <label className="field">
          <span>{t('maintenance.passphrase')}</span>
          <input type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} maxLength={200} />
        </label>
        <label className="field">
          <span>{t('maintenance.passphraseRepeat')}</span>
          <input type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} maxLength={200} />
        </label>
        <div className="row">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const result = await api.call('technician.exportDiagnostics', { staffToken, destination: needDestination(), passphrase: needPassphrase() });
                return t('maintenance.diagnosticsDone', { file: result.file });
              })
            }
          >
            {t('maintenance.exportDiagnostics')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const result = await api.call('technician.exportCccdKey', { staffToken, destination: needDestination(), passphrase: needPassphrase() });
                return t('maintenance.keyDone', { file: result.file });
              })
            }
          >
            {t('maintenance.exportKey')}
          </button>
        </div>
        <p>{t('maintenance.keyHint')}</p>
      </section>
      <section aria-labelledby="maint-backups">
        <h2 id="maint-backups">{t('maintenance.backupsTitle')}</h2>
        <p>{t('maintenance.backupsHint')}</p>
        <div className="row">
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void act(async () => t('maintenance.backupDone', { name: (await api.call('technician.backupNow', { staffToken })).name }))}
          >
            {t('maintenance.backupNow')}
          </button>
        </div>
        {backups.length === 0 ? (
          <p>{t('maintenance.noBackups')}</p>
        ) : (
          <ul className="checks" aria-label={t('maintenance.backupsTitle')}>
            {backups.map((backup) => (
              <li key={backup.name} data-status="ok" data-backup={backup.name}>
                <span>{when(backup.at)}</span>
                <span className="row" style={{ margin: 0 }}>
                  <span>{t('maintenance.size', { kb: Math.round(backup.bytes / 1024) })}</span>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={busy}
                    onClick={() =>
                      void act(async () =>
                        t('maintenance.copied', {
                          file: (
                            await api.call('technician.exportBackup', {
                              staffToken,
                              name: backup.name,
                              destination: needDestination(),
                              passphrase: needPassphrase(),
                            })
                          ).file,
                        }),
                      )
                    }
                  >
                    {t('maintenance.copyToUsb')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
