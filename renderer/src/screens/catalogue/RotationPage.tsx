// Staff page "Sách luân chuyển": the batches from the provincial library, marking one received
// (books go on the shelf) or sent back, and the list of a batch's books.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { rotationItem, RotationBatch } from '#contract/catalogue';
import { useApi } from '../../api/context';
import { useFormat } from '../../i18n/format';
import '../../styles/catalogue.css';
import { useCatalogueExplain } from './explain';

type Item = z.infer<typeof rotationItem>;

export function RotationPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('catalogue');
  const [batches, setBatches] = useState<RotationBatch[]>();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [open, setOpen] = useState<{ code: string; items: Item[] }>();
  const explain = useCatalogueExplain();
  const fail = useCallback((e: unknown) => setMessage({ kind: 'error', text: explain.error(e) }), [explain]);
  const reload = useCallback(() => api.call('rotation.list', { staffToken }).then(setBatches, fail), [api, staffToken, fail]);
  useEffect(() => void reload(), [reload]);

  const format = useFormat();
  const date = (iso: string | null) => (iso ? format.date(iso) : '—');

  const act = async (code: string, action: 'receive' | 'sendBack') => {
    if (action === 'sendBack' && !window.confirm(t('staff.confirmSendBack', { code }))) return;
    try {
      await api.call(action === 'receive' ? 'rotation.receive' : 'rotation.sendBack', { staffToken, code });
      setMessage({ kind: 'success', text: t(action === 'receive' ? 'staff.received' : 'staff.sentBack', { code }) });
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const show = (code: string) => api.call('rotation.items', { staffToken, code }).then((items) => setOpen({ code, items }), fail);

  return (
    <div className="rotation-page">
      {message && (
        <p className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <h2>{t('staff.batches')}</h2>
      {batches && batches.length === 0 && <p>{t('staff.noBatches')}</p>}
      {batches && batches.length > 0 && (
        <table className="staff-table rotation-table">
          <thead>
            <tr>
              <th>{t('staff.code')}</th>
              <th>{t('staff.source')}</th>
              <th>{t('staff.dueBack')}</th>
              <th>{t('staff.items')}</th>
              <th>{t('staff.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>{b.code}</td>
                <td>{b.sourceLibrary ?? '—'}</td>
                <td>{date(b.dueBack)}</td>
                <td>
                  {b.items}
                  {b.onLoan > 0 && <div>{t('staff.onLoan', { count: b.onLoan })}</div>}
                </td>
                <td>{t(`staff.states.${b.state}`)}</td>
                <td className="rotation-actions">
                  <button type="button" className="button secondary" onClick={() => void show(b.code)}>
                    {t('staff.showItems', { code: b.code })}
                  </button>
                  {b.state === 'announced' && (
                    <button type="button" className="button" onClick={() => void act(b.code, 'receive')}>
                      {t('staff.receive', { code: b.code })}
                    </button>
                  )}
                  {b.state === 'received' && (
                    <button type="button" className="button secondary" onClick={() => void act(b.code, 'sendBack')}>
                      {t('staff.sendBack', { code: b.code })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <section aria-label={t('staff.showItems', { code: open.code })}>
          <h3>{t('staff.showItems', { code: open.code })}</h3>
          <table className="staff-table rotation-table">
            <thead>
              <tr>
                <th>{t('staff.barcode')}</th>
                <th>{t('staff.titleColumn')}</th>
                <th>{t('staff.state')}</th>
              </tr>
            </thead>
            <tbody>
              {open.items.map((item) => (
                <tr key={item.barcode}>
                  <td>{item.barcode}</td>
                  <td>{item.title}</td>
                  <td>{t(`staff.itemStatus.${item.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
