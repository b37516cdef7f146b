// "Xuất MARC cho thư viện tỉnh": staff choose a USB stick (or the kiosk's exports folder) and a
// format; the kiosk writes the commune's holdings with their copies in 952 and says where.
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPlace } from '#contract/catalogue';
import { useApi } from '../../api/context';
import { useCatalogueExplain } from './explain';

type Done = { file: string; records: number; items: number };

export function MarcExportPanel({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('catalogue');
  const explain = useCatalogueExplain();
  const [places, setPlaces] = useState<ExportPlace[]>([]);
  const [place, setPlace] = useState('');
  const [format, setFormat] = useState<'marc21' | 'marcxml'>('marc21');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done>();
  const [error, setError] = useState<string>();

  const refresh = () =>
    api
      .call('catalogue.exportPlaces', { staffToken })
      .then(({ places: list }) => {
        setPlaces(list);
        setPlace((current) => (list.some((p) => p.path === current) ? current : (list[0]?.path ?? '')));
      })
      .catch((e: unknown) => setError(explain.error(e)));
  // Once per page (and staff member): the button refreshes the list when a stick is plugged in later.
  const refreshOnOpen = useEffectEvent(() => void refresh());
  useEffect(() => refreshOnOpen(), [staffToken]);

  const start = async () => {
    setBusy(true);
    setDone(undefined);
    setError(undefined);
    try {
      setDone(await api.call('catalogue.export', { staffToken, place, format }));
    } catch (e) {
      setError(explain.error(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="marc-export" aria-labelledby="marc-export-title">
      <h2 id="marc-export-title">{t('staff.exportTitle')}</h2>
      <p>{t('staff.exportIntro')}</p>
      <label className="choice">
        {t('staff.exportPlace')}{' '}
        <select value={place} onChange={(e) => setPlace(e.target.value)}>
          {places.map((p) => (
            <option key={p.path} value={p.path}>
              {p.kind === 'usb' ? t('staff.exportUsb', { label: p.label }) : t('staff.exportKiosk')}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button secondary" onClick={() => void refresh()}>
        {t('staff.exportRefresh')}
      </button>
      <fieldset>
        <legend>{t('staff.exportFormat')}</legend>
        {(['marc21', 'marcxml'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="export-format" value={value} checked={format === value} onChange={() => setFormat(value)} />
            {value === 'marc21' ? t('staff.exportMarc21') : t('staff.exportMarcxml')}
          </label>
        ))}
      </fieldset>
      <button type="button" className="button" disabled={busy || place === ''} onClick={() => void start()}>
        {busy ? t('staff.exporting') : t('staff.exportStart')}
      </button>
      {done && (
        <p className="banner" role="status">
          {t('staff.exported', { records: done.records, items: done.items, file: done.file })}
        </p>
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
