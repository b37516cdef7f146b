// The room's console (issue #18, item 4): every PC of the reading room on one page, for an officer
// alone with six PCs: who is on each and for how long, which is free, kept for the next in line or
// offline; and from here, the same as at the PC itself, extend, end, message or lock a session, put a PC
// into maintenance, or close the whole room's internet in an emergency. A request to another PC is carried out there within a few
// seconds; the card says so until it is.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleAction, RoomConsolePc, RoomConsoleView } from '#contract/room';
import { useApi } from '../../../api/context';
import { Banner } from '../../../components/Banner';
import { formatTime } from '../../../../../common/calendar';
import type { i18n as I18n, TFunction } from 'i18next';
import { apiErrorText } from '../../../api/error-text';
import { ApiCallError } from '../../../api/client';
import { ConfirmRow } from './ConfirmRow';
import { RoomEmergencyBar } from './RoomEmergencyBar';
import '../internet.css';
import './internet-staff.css';

const REFRESH_MS = 3000;

// i18n-keys: staff:console.errors.*
/** A refusal in the console's words: its own for the room's reasons, the internet page's for a session's, else the core's. */
function consoleError(i18n: I18n, t: TFunction, error: unknown): string {
  const reason = error instanceof ApiCallError ? error.error.reason : undefined;
  const own = reason !== undefined && i18n.exists(`staff:console.errors.${reason}`);
  return apiErrorText(t, error, 'staff:console.errors.unexpected', {
    namespace: own ? 'staff' : 'internet',
    keys: own ? 'console.errors' : 'errors',
    language: i18n.language,
  });
}

type Outcome = { pcId: number; kind: 'success' | 'error'; text: string };
/** The outcome of a request for the whole room, not one PC. */
const ROOM = -1;

export function RoomConsolePage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation(['staff', 'internet']);
  const [view, setView] = useState<RoomConsoleView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const refresh = useCallback(async () => {
    try {
      setView(await api.call('room.console', { staffToken }));
      setProblem(null);
    } catch (error) {
      setProblem(consoleError(i18n, t, error));
    }
  }, [api, staffToken, t, i18n]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // i18n-keys: staff:console.done.*, staff:console.queued.*
  const act = async (pc: RoomConsolePc, action: ConsoleAction) => {
    setOutcome(null);
    try {
      // The request names the session shown, so it never reaches whoever sits down next.
      const sessionId = pc.internet?.session?.id ?? 0;
      const { applied } = await api.call('room.console.act', { staffToken, pcId: pc.id, sessionId, ...action });
      const name = nameOf(pc);
      const done = action.action === 'lock' ? (action.locked ? 'lock' : 'unlock') : action.action;
      setOutcome({ pcId: pc.id, kind: 'success', text: t(`console.${applied ? 'done' : 'queued'}.${done}`, { name }) });
      await refresh();
      return true;
    } catch (error) {
      setOutcome({ pcId: pc.id, kind: 'error', text: consoleError(i18n, t, error) });
      void refresh();
      return false;
    }
  };

  // i18n-keys: staff:console.emergency.doneClosed, staff:console.emergency.doneReopened
  const setEmergency = async (closed: boolean) => {
    setOutcome(null);
    try {
      setView(await api.call('room.console.emergency', { staffToken, closed }));
      setOutcome({ pcId: ROOM, kind: 'success', text: t(closed ? 'console.emergency.doneClosed' : 'console.emergency.doneReopened') });
      return true;
    } catch (error) {
      setOutcome({ pcId: ROOM, kind: 'error', text: consoleError(i18n, t, error) });
      return false;
    }
  };

  // i18n-keys: staff:console.maintenance.doneOn, staff:console.maintenance.doneOff
  const setMaintenance = async (pc: RoomConsolePc, on: boolean) => {
    setOutcome(null);
    try {
      setView(await api.call('room.console.maintenance', { staffToken, pcId: pc.id, on }));
      setOutcome({ pcId: pc.id, kind: 'success', text: t(on ? 'console.maintenance.doneOn' : 'console.maintenance.doneOff', { name: nameOf(pc) }) });
      return true;
    } catch (error) {
      setOutcome({ pcId: pc.id, kind: 'error', text: consoleError(i18n, t, error) });
      return false;
    }
  };

  const nameOf = (pc: RoomConsolePc) => (pc.id === 0 ? t(view?.role === 'hub' ? 'console.hubPc' : 'console.thisPc') : pc.name);

  return (
    <div className="internet-staff room-console">
      <p className="hint">{t(view?.role === 'standalone' ? 'console.standalone' : 'console.intro')}</p>
      <Banner kind="error" text={problem} />
      {view && <RoomEmergencyBar emergency={view.emergency} onSet={setEmergency} />}
      {outcome?.pcId === ROOM && <Banner kind={outcome.kind} text={outcome.text} />}
      <ul className="room-console-grid" aria-label={t('console.listLabel')}>
        {view?.pcs.map((pc) => (
          // Keyed by the session too: a question left open for one resident is gone when another sits down.
          <PcCard
            key={`${pc.id}-${pc.internet?.session?.id ?? 'none'}`}
            pc={pc}
            name={nameOf(pc)}
            outcome={outcome?.pcId === pc.id ? outcome : null}
            onAct={(action) => act(pc, action)}
            onMaintenance={(on) => setMaintenance(pc, on)}
          />
        ))}
      </ul>
    </div>
  );
}

function PcCard({
  pc,
  name,
  outcome,
  onAct,
  onMaintenance,
}: {
  pc: RoomConsolePc;
  name: string;
  outcome: Outcome | null;
  onAct: (action: ConsoleAction) => Promise<boolean>;
  onMaintenance: (on: boolean) => Promise<boolean>;
}) {
  const { t } = useTranslation(['staff', 'internet']);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [message, setMessage] = useState('');
  const session = pc.internet?.session ?? null;
  const inSession = (pc.state === 'in_session' || pc.state === 'away') && session !== null;
  // A locked session reads as its own state on the card (the hub reports it as in use).
  const shownState = inSession && session.locked ? 'locked' : pc.state;
  const titleId = `pc-${pc.id}-name`;

  const send = (event: FormEvent) => {
    event.preventDefault();
    // The text stays in the box when it could not be sent, so staff do not type it again.
    void onAct({ action: 'message', text: message }).then((sent) => sent && setMessage(''));
  };

  // i18n-keys: staff:console.states.*
  return (
    <li className={`staff-card pc-card pc-${shownState}`} aria-labelledby={titleId} data-pc={pc.name} data-state={shownState}>
      <div className="pc-card-head">
        <h2 id={titleId}>{name}</h2>
        <span className="pc-state">{t(`console.states.${shownState}`)}</span>
      </div>
      {session && inSession && (
        <dl className="current-session">
          <dt>{t('internet:staff.who')}</dt>
          <dd>{session.who}</dd>
          <dt>{t('internet:staff.left')}</dt>
          <dd>{t('internet:staff.minutes', { count: session.minutesLeft })}</dd>
          {session.awayEndsInSeconds !== null && (
            <>
              <dt>{t('internet:staff.status')}</dt>
              <dd>{t('internet:staff.away', { count: Math.ceil(session.awayEndsInSeconds / 60) })}</dd>
            </>
          )}
        </dl>
      )}
      {session?.moreTimeRequested && <p className="banner warning">{t('internet:staff.moreTimeRequested')}</p>}
      {inSession && session.locked && <p className="banner warning">{t('console.lockedNote')}</p>}
      {pc.state === 'held' && pc.internet?.heldForTicket != null && <p>{t('console.heldFor', { ticket: pc.internet.heldForTicket })}</p>}
      {pc.state === 'offline' && <p>{pc.lastSeenAt ? t('console.lastSeen', { time: formatTime(pc.lastSeenAt) }) : t('console.neverSeen')}</p>}
      {pc.internet && pc.internet.waiting > 0 && <p className="hint">{t('console.waiting', { count: pc.internet.waiting })}</p>}
      {pc.pending > 0 && (
        <p className="hint" role="status">
          {t('console.pending', { count: pc.pending })}
        </p>
      )}
      {pc.lastRefusal && <p className="banner warning">{t('console.refused', { reason: pc.lastRefusal })}</p>}
      {pc.maintenance && <p className="hint">{t('console.maintenance.since', { time: formatTime(pc.maintenance.at), by: pc.maintenance.by })}</p>}
      {!inSession && (
        <div className="row">
          <button type="button" className="button secondary" onClick={() => void onMaintenance(!pc.maintenance)}>
            {t(pc.maintenance ? 'console.maintenance.off' : 'console.maintenance.on')}
          </button>
        </div>
      )}
      {inSession && (
        <div className="staff-actions">
          <div className="row">
            {[10, 30].map((minutes) => (
              <button key={minutes} type="button" className="button secondary" onClick={() => void onAct({ action: 'extend', minutes })}>
                {t('internet:staff.plus', { count: minutes })}
              </button>
            ))}
            <button type="button" className="button secondary" onClick={() => void onAct({ action: 'lock', locked: !session?.locked })}>
              {t(session?.locked ? 'console.unlock' : 'console.lock')}
            </button>
          </div>
          <form onSubmit={send} className="row" noValidate>
            <label htmlFor={`pc-${pc.id}-message`} className="visually-hidden">
              {t('console.messageTo', { name })}
            </label>
            <input
              id={`pc-${pc.id}-message`}
              className="pc-message"
              value={message}
              maxLength={300}
              onChange={(e) => setMessage(e.target.value)}
              placeholder={t('internet:staff.messagePlaceholder')}
            />
            <button type="submit" className="button secondary" disabled={!message.trim()}>
              {t('internet:staff.send')}
            </button>
          </form>
          {confirmEnd ? (
            <ConfirmRow
              question={t('console.confirmEnd', { name, who: session?.who ?? '' })}
              yes={t('internet:staff.yes')}
              no={t('internet:staff.no')}
              onNo={() => setConfirmEnd(false)}
              onYes={() => void onAct({ action: 'end' }).then(() => setConfirmEnd(false))}
            />
          ) : (
            <button type="button" className="button quiet" onClick={() => setConfirmEnd(true)}>
              {t('internet:staff.endNow')}
            </button>
          )}
        </div>
      )}
      {outcome && <Banner kind={outcome.kind} text={outcome.text} />}
    </li>
  );
}
