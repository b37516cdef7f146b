// Taking a place in the queue for the internet PC (reached from the home screen when it is busy):
// scan or type a card, get a ticket number and the estimated wait.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent } from '#contract/devices';
import { useApi } from '../../api/context';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useScan } from '../../devices/ScanProvider';
import { errorText, useInternetState } from './useInternet';
import './internet.css';
import { Banner } from '../../components/Banner';

export function QueuePage() {
  const api = useApi();
  const { t } = useTranslation('internet');
  const state = useInternetState();
  const [typed, setTyped] = useState('');
  const [ticket, setTicket] = useState<{ ticket: number; position: number; estimatedWaitMinutes: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const join = useCallback(
    async (card: string) => {
      setProblem(null);
      try {
        setTicket(await api.call('internet.queue.join', { card }));
      } catch (error) {
        setProblem(errorText(t, error));
      }
    },
    [api, t],
  );

  useScan(
    (scan: ScanEvent) => {
      if (scan.kind === 'card') void join(scan.text);
    },
    { enabled: ticket === null },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) void join(typed.trim());
  };

  return (
    <ScreenFrame title={t('queue.title')}>
      <section className="internet-panel">
        {ticket ? (
          <div aria-live="polite">
            <p className="welcome-lead">{t('queue.ticket')}</p>
            <p className="welcome-minutes" data-testid="queue-ticket">
              {ticket.ticket}
            </p>
            <p>{t('queue.position', { position: ticket.position, minutes: ticket.estimatedWaitMinutes })}</p>
            <p className="hint">{t('queue.howCalled')}</p>
          </div>
        ) : (
          <>
            <p>{t('queue.explain', { waiting: state?.queue.waiting ?? 0 })}</p>
            <form className="manual-entry" onSubmit={submit} noValidate>
              <label htmlFor="queue-card">{t('queue.cardLabel')}</label>
              <div className="row">
                <input id="queue-card" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
                <button type="submit" className="button" disabled={!typed.trim()}>
                  {t('queue.join')}
                </button>
              </div>
            </form>
          </>
        )}
        <Banner kind="error" text={problem} />
      </section>
    </ScreenFrame>
  );
}
