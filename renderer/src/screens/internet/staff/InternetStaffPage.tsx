// Staff control of the internet PC: the current session (extend, end, message), the queue, recent
// sessions, guest passes to print or show, and the emergency "close internet for everyone now".
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/FieldError';
import type { GuestPass, InternetOverview, StaffSessionRow } from '#contract/internet';
import { useApi } from '../../../api/context';
import { formatTime } from '../../../../../common/calendar';
import { errorText } from '../useInternet';
import '../internet.css';
import './internet-staff.css';
import { Banner } from '../../../components/Banner';
import { ProtectionCard } from './ProtectionCard';
import { ConfirmRow } from './ConfirmRow';

const EXTEND_STEPS = [5, 10, 15, 30];

function timeOf(iso: string | null): string {
  if (!iso) return '';
  return formatTime(iso);
}

export function InternetStaffPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('internet');
  const [overview, setOverview] = useState<InternetOverview | null>(null);
  const [passes, setPasses] = useState<GuestPass[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A message to the resident is answered under its box; every other action at the top.
  const [outcomeAt, setOutcomeAt] = useState<'top' | 'message'>('top');
  const [scope, setScope] = useState<'session' | 'day'>('session');
  const [message, setMessage] = useState('');
  const [passMinutes, setPassMinutes] = useState(30);
  const [passCount, setPassCount] = useState(5);
  // A ticket number: taking that person off the queue waits for a yes.
  const [confirm, setConfirm] = useState<'end' | 'emergency' | number | null>(null);

  const refresh = useCallback(async () => {
    try {
      setOverview(await api.call('internet.staff.overview', { staffToken }));
    } catch (error) {
      setProblem(errorText(t, error));
    }
  }, [api, staffToken, t]);

  useEffect(() => {
    void refresh();
    api.call('internet.staff.guestPasses', { staffToken }).then(
      (r) => setPasses(r.passes),
      () => undefined,
    );
    const timer = setInterval(() => void refresh(), 3000);
    const offEnded = api.on('internet.ended', () => void refresh());
    return () => {
      clearInterval(timer);
      offEnded();
    };
  }, [api, refresh, staffToken]);

  // i18n-keys: internet:staff.ended, internet:staff.closed, internet:staff.extended, internet:staff.messageSent, internet:staff.passesCreated, internet:staff.removed, internet:staff.reopened
  /** Runs a staff action; true when it was done. */
  const act = async (body: () => Promise<unknown>, doneKey: string, params: Record<string, unknown> = {}, at: 'top' | 'message' = 'top') => {
    setProblem(null);
    setDone(null);
    setOutcomeAt(at);
    try {
      await body();
      setDone(t(doneKey, params));
      setConfirm(null);
      await refresh();
      return true;
    } catch (error) {
      setProblem(errorText(t, error));
      // What failed may be stale (the person just started a session): show how things are now.
      setConfirm(null);
      void refresh();
      return false;
    }
  };

  const extend = (minutes: number) => act(() => api.call('internet.staff.extend', { staffToken, minutes, scope }), 'staff.extended', { count: minutes });

  const send = (event: FormEvent) => {
    event.preventDefault();
    // The text stays in the box when it could not be sent, so staff do not type it again.
    void act(() => api.call('internet.staff.message', { staffToken, text: message }), 'staff.messageSent', {}, 'message').then(
      (sent) => sent && setMessage(''),
    );
  };

  // The kiosk's own sentences next to the fields (the form is noValidate).
  const passMinutesWrong = !(Number.isInteger(passMinutes) && passMinutes >= 5 && passMinutes <= 480);
  const passCountWrong = !(Number.isInteger(passCount) && passCount >= 1 && passCount <= 50);
  const [passesChecked, setPassesChecked] = useState(false);
  const createPasses = (event: FormEvent) => {
    event.preventDefault();
    setPassesChecked(true);
    if (passMinutesWrong || passCountWrong) return;
    void act(
      async () => {
        await api.call('internet.staff.createGuestPasses', { staffToken, minutes: passMinutes, count: passCount });
        setPasses((await api.call('internet.staff.guestPasses', { staffToken })).passes);
      },
      'staff.passesCreated',
      { count: passCount },
    );
  };

  const current = overview?.current ?? null;
  return (
    <div className="internet-staff">
      <Banner kind="error" text={outcomeAt === 'top' ? problem : null} />
      <Banner kind="success" text={outcomeAt === 'top' ? done : null} />

      <section aria-labelledby="staff-current-title" className="staff-card">
        <h2 id="staff-current-title">{t('staff.current')}</h2>
        {overview?.emergencyClosed && (
          <p className="banner warning" role="status">
            {t('staff.closedBy', { by: overview.emergencyClosed.by, time: timeOf(overview.emergencyClosed.at) })}
          </p>
        )}
        {current ? (
          <>
            <dl className="current-session" data-testid="staff-current">
              <dt>{t('staff.who')}</dt>
              <dd>
                {current.who} {current.card && <span className="hint">({current.card})</span>}
              </dd>
              <dt>{t('staff.started')}</dt>
              <dd>{timeOf(current.startedAt)}</dd>
              <dt>{t('staff.used')}</dt>
              <dd>{t('staff.minutes', { count: Math.round(current.minutesUsed) })}</dd>
              <dt>{t('staff.left')}</dt>
              <dd data-testid="staff-minutes-left">{t('staff.minutes', { count: Math.round(current.minutesLeft ?? 0) })}</dd>
              <dt>{t('staff.status')}</dt>
              <dd>
                {current.awayEndsInSeconds !== null
                  ? t('staff.away', { count: Math.ceil(current.awayEndsInSeconds / 60) })
                  : t(`staff.statuses.${current.status}`)}
              </dd>
            </dl>
            {current.moreTimeRequested && (
              <p className="banner warning" role="status">
                {t('staff.moreTimeRequested')}
              </p>
            )}
            <div className="staff-actions">
              <fieldset>
                <legend>{t('staff.extend')}</legend>
                <label>
                  <input type="radio" name="scope" checked={scope === 'session'} onChange={() => setScope('session')} /> {t('staff.scopeSession')}
                </label>
                <label>
                  <input type="radio" name="scope" checked={scope === 'day'} onChange={() => setScope('day')} disabled={!current.card} /> {t('staff.scopeDay')}
                </label>
                <div className="row">
                  {EXTEND_STEPS.map((m) => (
                    <button key={m} type="button" className="button secondary" onClick={() => void extend(m)}>
                      {t('staff.plus', { count: m })}
                    </button>
                  ))}
                </div>
              </fieldset>
              <form onSubmit={send} className="row" noValidate>
                <label htmlFor="staff-message" className="visually-hidden">
                  {t('staff.message')}
                </label>
                <input
                  id="staff-message"
                  value={message}
                  maxLength={300}
                  onChange={(e) => setMessage(e.target.value)}
                  placeholder={t('staff.messagePlaceholder')}
                />
                <button type="submit" className="button secondary" disabled={!message.trim() || current.status !== 'active'}>
                  {t('staff.send')}
                </button>
              </form>
              <Banner kind="error" text={outcomeAt === 'message' ? problem : null} />
              <Banner kind="success" text={outcomeAt === 'message' ? done : null} />
              {confirm === 'end' ? (
                <ConfirmRow
                  question={t('staff.confirmEnd')}
                  yes={t('staff.yes')}
                  no={t('staff.no')}
                  onNo={() => setConfirm(null)}
                  onYes={() => void act(() => api.call('internet.staff.end', { staffToken }), 'staff.ended')}
                />
              ) : (
                <button type="button" className="button quiet" onClick={() => setConfirm('end')}>
                  {t('staff.endNow')}
                </button>
              )}
            </div>
          </>
        ) : (
          <p>{t('staff.noSession')}</p>
        )}
        <p className="hint">{t('staff.today', { minutes: overview?.todayMinutes ?? 0, sessions: overview?.todaySessions ?? 0 })}</p>
      </section>

      <ProtectionCard staffToken={staffToken} />

      <section aria-labelledby="staff-emergency-title" className="staff-card">
        <h2 id="staff-emergency-title">{t('staff.emergency')}</h2>
        {overview?.emergencyClosed ? (
          <button type="button" className="button" onClick={() => void act(() => api.call('internet.staff.reopen', { staffToken }), 'staff.reopened')}>
            {t('staff.reopen')}
          </button>
        ) : confirm === 'emergency' ? (
          <ConfirmRow
            question={t('staff.confirmEmergency')}
            yes={t('staff.yes')}
            no={t('staff.no')}
            onNo={() => setConfirm(null)}
            onYes={() => void act(() => api.call('internet.staff.emergencyClose', { staffToken }), 'staff.closed')}
          />
        ) : (
          <button type="button" className="button danger" onClick={() => setConfirm('emergency')}>
            {t('staff.closeAll')}
          </button>
        )}
      </section>

      <section aria-labelledby="staff-queue-title" className="staff-card">
        <h2 id="staff-queue-title">{t('staff.queue')}</h2>
        {overview && overview.queue.length > 0 ? (
          <ol>
            {overview.queue.map((q) => (
              <li key={q.ticket} className="queue-row">
                <span>{t('staff.queueRow', { ticket: q.ticket, who: q.who, time: timeOf(q.joinedAt) })}</span>
                {confirm === q.ticket ? (
                  <ConfirmRow
                    question={t('staff.confirmRemove', { ticket: q.ticket, who: q.who })}
                    yes={t('staff.yes')}
                    no={t('staff.no')}
                    onNo={() => setConfirm(null)}
                    onYes={() =>
                      void act(() => api.call('internet.staff.removeFromQueue', { staffToken, ticket: q.ticket }), 'staff.removed', { ticket: q.ticket })
                    }
                  />
                ) : (
                  <button type="button" className="button quiet" onClick={() => setConfirm(q.ticket)}>
                    {t('staff.removeFromQueue', { ticket: q.ticket })}
                  </button>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('staff.queueEmpty')}</p>
        )}
      </section>

      <section aria-labelledby="staff-passes-title" className="staff-card guest-passes">
        <h2 id="staff-passes-title">{t('staff.passes')}</h2>
        <form onSubmit={createPasses} className="row" noValidate>
          <label>
            {t('staff.passMinutes')}{' '}
            <input
              type="number"
              min={5}
              max={480}
              value={passMinutes}
              onChange={(e) => setPassMinutes(Number(e.target.value))}
              aria-invalid={passesChecked && passMinutesWrong ? true : undefined}
              aria-describedby={passesChecked && passMinutesWrong ? 'pass-minutes-error' : undefined}
            />
          </label>
          <label>
            {t('staff.passCount')}{' '}
            <input
              type="number"
              min={1}
              max={50}
              value={passCount}
              onChange={(e) => setPassCount(Number(e.target.value))}
              aria-invalid={passesChecked && passCountWrong ? true : undefined}
              aria-describedby={passesChecked && passCountWrong ? 'pass-count-error' : undefined}
            />
          </label>
          <button type="submit" className="button secondary">
            {t('staff.createPasses')}
          </button>
          {passes.length > 0 && (
            <button type="button" className="button quiet" onClick={() => window.print()}>
              {t('staff.printPasses')}
            </button>
          )}
        </form>
        <FieldError id="pass-minutes-error" text={passesChecked && passMinutesWrong ? t('staff.passMinutesRange') : null} />
        <FieldError id="pass-count-error" text={passesChecked && passCountWrong ? t('staff.passCountRange') : null} />
        {passes.length > 0 && (
          <ul className="pass-list" data-testid="guest-passes">
            {passes.map((p) => (
              <li key={p.code} className={p.used ? 'used' : ''}>
                <strong className="code">{p.code}</strong>
                <span>{t('staff.passInfo', { count: p.minutes, day: p.validDay.split('-').reverse().join('/') })}</span>
                {p.used && <span className="hint">{t('staff.passUsed')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="staff-recent-title" className="staff-card">
        <h2 id="staff-recent-title">{t('staff.recent')}</h2>
        <RecentTable rows={overview?.recent ?? []} />
      </section>
    </div>
  );
}

function RecentTable({ rows }: { rows: StaffSessionRow[] }) {
  const { t } = useTranslation('internet');
  if (rows.length === 0) return <p>{t('staff.recentEmpty')}</p>;
  return (
    <table className="staff-table recent-sessions">
      <thead>
        <tr>
          <th>{t('staff.who')}</th>
          <th>{t('staff.started')}</th>
          <th>{t('staff.endedAt')}</th>
          <th>{t('staff.used')}</th>
          <th>{t('staff.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.who}</td>
            <td>{timeOf(r.startedAt)}</td>
            <td>{timeOf(r.endedAt)}</td>
            <td>{t('staff.minutes', { count: Math.round(r.minutesUsed) })}</td>
            <td>{r.endReason ? t(`ended.short.${r.endReason}`) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
