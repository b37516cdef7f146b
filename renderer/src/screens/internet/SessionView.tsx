// The running session: the session bar (countdown, more time, stepping away, end, warnings, staff
// messages, the queue notice) above the browsing area: Electron's browsing view, or the browser-mode
// placeholder.
import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BROWSER_TOP_PX, type BrowserTabs, type InternetState, type UrlDecisionDto } from '#contract/internet';
import { useApi } from '../../api/context';
import { launchQuery } from '../../api/transport';
import { takeHandedOffLink } from './link-handoff';
import { playWarningTone } from './tone';
import { errorText, formatClock, placeholderOrigin } from './useInternet';
import { Banner } from '../../components/Banner';
import { Modal } from '../../components/Modal';
import { FilePicker } from './FilePicker';
import { useAudioPrompt } from '../../a11y/audio';
import { navigate } from '../../router';
import { StillUsing } from './StillUsing';
import { SessionScans } from './SessionScans';

/**
 * Browser mode's stand-in page, kept for as long as its session lasts: stepping away unmounts this
 * view, and the resident comes back to the page they left. (Electron's tabs live in main and stay.)
 */
let keptFrame: { sessionId: number; url: string } | undefined;

export function SessionView({ state }: { state: InternetState }) {
  const api = useApi();
  const { t } = useTranslation('internet');
  const session = state.session!;
  // The warning and staff's message come with the session's state, so a resident who stepped away,
  // or whose page was reloaded, still sees them; a message hides at once when "Đã hiểu" is tapped.
  const warning = session.lastWarningMinutes;
  const [readAt, setReadAt] = useState<string | null>(null);
  const message = session.staffMessage && session.staffMessage.at !== readAt ? session.staffMessage : null;
  const messageRead = () => {
    setReadAt(message?.at ?? null);
    void api.call('internet.messageSeen', {}).catch(() => undefined);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [confirmAway, setConfirmAway] = useState(false);
  const kept = keptFrame?.sessionId === session.id ? keptFrame.url : '';
  const [address, setAddress] = useState(kept);
  const [frameUrl, showFrame] = useState(kept);
  const setFrameUrl = (url: string) => {
    keptFrame = { sessionId: session.id, url };
    showFrame(url);
  };
  const [blocked, setBlocked] = useState<UrlDecisionDto | null>(null);
  const [tabs, setTabs] = useState<BrowserTabs | null>(null);
  const electron = Boolean(window.kiosk);
  const say = useAudioPrompt();
  const sayWarning = useEffectEvent((minutesLeft: number) => {
    if (minutesLeft === 5) say('fiveMinutesLeft');
    else if (minutesLeft === 1) say('oneMinuteLeft');
  });

  useEffect(() => {
    // The warning's sound and voice play once, when it is given.
    const offWarning = api.on('internet.warning', (w) => {
      if (w.sound) playWarningTone(w.minutesLeft <= 1 ? 3 : 2);
      sayWarning(w.minutesLeft);
    });
    const offTabs = api.on('internet.tabs', (next) => {
      setTabs(next);
      setBlocked(next.blocked);
      const active = next.tabs.find((tab) => tab.active);
      if (active) setAddress(active.url);
    });
    return () => {
      offWarning();
      offTabs();
    };
  }, [api]);

  const act = async (body: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await body();
    } catch (error) {
      setProblem(errorText(t, error));
    }
  };

  const browse = (action: 'back' | 'forward' | 'reload' | 'home' | 'zoomIn' | 'zoomOut' | 'zoomReset' | 'newTab' | 'print', extra: { tabId?: number } = {}) =>
    act(async () => {
      if (action === 'home' && !electron) {
        setFrameUrl('');
        setAddress('');
        setBlocked(null);
      }
      await api.call('internet.browse', { action, ...extra });
    });

  const go = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const result = await api.call('internet.browse', { action: 'navigate', url: address });
      const decision = result.decision ?? null;
      setBlocked(decision?.decision === 'block' ? decision : null);
      if (!result.handled && decision?.decision === 'allow') setFrameUrl(decision.url ?? address);
      if (!result.handled && decision?.decision === 'block') setFrameUrl('');
    });
  };

  const openLink = (url: string) => {
    setAddress(url);
    void act(async () => {
      const result = await api.call('internet.browse', { action: 'navigate', url });
      setBlocked(result.decision?.decision === 'block' ? result.decision : null);
      if (!result.handled) setFrameUrl(result.decision?.url ?? url);
    });
  };

  // A Thư viện số link that counts as internet time opens here, once, when the session view appears.
  const openHandedOff = useEffectEvent(() => {
    const url = takeHandedOffLink();
    if (url) openLink(url);
  });
  useEffect(() => openHandedOff(), []);

  const someoneWaiting = state.queue.waiting > 0 && session.remainingSeconds <= state.queueNoticeMinutes * 60;
  const low = session.remainingSeconds <= 5 * 60;
  const origin = placeholderOrigin();
  const showHome = electron ? !tabs || tabs.tabs.find((tab) => tab.active)?.url === '' : frameUrl === '';

  return (
    <div className="screen internet-session">
      <header className="session-bar" style={{ minHeight: BROWSER_TOP_PX }}>
        <div className="session-row">
          <div
            className={`countdown${low ? ' low' : ''}`}
            role="timer"
            aria-live="off"
            aria-label={t('session.remainingLabel', { time: formatClock(session.remainingSeconds) })}
          >
            <span className="label">{t('session.remaining')}</span>
            <span className="time" data-testid="countdown">
              {formatClock(session.remainingSeconds)}
            </span>
          </div>
          <button
            type="button"
            className="button secondary"
            disabled={session.moreTimeRequested}
            onClick={() => void act(() => api.call('internet.requestMoreTime', {}))}
          >
            {session.moreTimeRequested ? t('session.moreTimeRequested') : t('session.requestMoreTime')}
          </button>
          {confirmAway && (
            <span className="confirm-end">
              <span>{t('session.confirmStepAway', { count: state.stepAwayMinutes })}</span>
              <button
                type="button"
                className="button"
                onClick={() =>
                  void act(async () => {
                    await api.call('internet.stepAway', {});
                    navigate('home');
                  })
                }
              >
                {t('session.stepAwayYes')}
              </button>
              <button type="button" className="button quiet" onClick={() => setConfirmAway(false)}>
                {t('session.stepAwayNo')}
              </button>
            </span>
          )}
          {confirmEnd && (
            <span className="confirm-end">
              <span>{t('session.confirmEnd')}</span>
              <button type="button" className="button danger" onClick={() => void act(() => api.call('internet.end', {}))}>
                {t('session.endYes')}
              </button>
              <button type="button" className="button quiet" onClick={() => setConfirmEnd(false)}>
                {t('session.endNo')}
              </button>
            </span>
          )}
          {!confirmAway && !confirmEnd && (
            <>
              {state.stepAwayMinutes > 0 && (
                <button type="button" className="button quiet" onClick={() => setConfirmAway(true)}>
                  {t('session.stepAway')}
                </button>
              )}
              <button type="button" className="button quiet" onClick={() => setConfirmEnd(true)}>
                {t('session.end')}
              </button>
            </>
          )}
          <SessionScans />
        </div>
        {electron && tabs && tabs.tabs.length > 0 && (
          <div className="tabs" role="tablist" aria-label={t('browser.tabs')}>
            {tabs.tabs.map((tab) => (
              <span key={tab.id} className="tab-wrap">
                <button
                  type="button"
                  role="tab"
                  aria-selected={tab.active}
                  className={`tab${tab.active ? ' active' : ''}`}
                  onClick={() => void act(() => api.call('internet.browse', { action: 'selectTab', tabId: tab.id }))}
                >
                  {tab.title || tab.url || t('browser.homeTab')}
                </button>
                <button
                  type="button"
                  className="tab-close"
                  aria-label={t('browser.closeTab')}
                  onClick={() => void act(() => api.call('internet.browse', { action: 'closeTab', tabId: tab.id }))}
                >
                  ×
                </button>
              </span>
            ))}
            <button type="button" className="tab-new" aria-label={t('browser.newTab')} onClick={() => void browse('newTab')}>
              +
            </button>
          </div>
        )}
        <form className="address-row" onSubmit={go} noValidate>
          <button type="button" className="nav" aria-label={t('browser.back')} disabled={electron && !tabs?.canGoBack} onClick={() => void browse('back')}>
            ←
          </button>
          <button
            type="button"
            className="nav"
            aria-label={t('browser.forward')}
            disabled={electron && !tabs?.canGoForward}
            onClick={() => void browse('forward')}
          >
            →
          </button>
          <button type="button" className="nav" aria-label={t('browser.reload')} onClick={() => void browse('reload')}>
            ⟳
          </button>
          <button type="button" className="nav" aria-label={t('browser.home')} onClick={() => void browse('home')}>
            ⌂
          </button>
          <label className="visually-hidden" htmlFor="internet-address">
            {t('browser.address')}
          </label>
          <input
            id="internet-address"
            className="address"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            placeholder={t('browser.addressPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            inputMode="url"
          />
          <button type="submit" className="button">
            {t('browser.go')}
          </button>
          {electron && (
            <>
              <button type="button" className="nav" aria-label={t('browser.zoomOut')} onClick={() => void browse('zoomOut')}>
                A−
              </button>
              <button type="button" className="nav" aria-label={t('browser.zoomIn')} onClick={() => void browse('zoomIn')}>
                A+
              </button>
              <button type="button" className="nav" aria-label={t('browser.print')} onClick={() => void browse('print')}>
                🖶
              </button>
            </>
          )}
        </form>
        {warning !== null && (
          <p className="banner warning" role="alert">
            {t('session.warning', { count: warning })}
          </p>
        )}
        <StillUsing secondsLeft={session.inactiveEndsInSeconds} />
        {someoneWaiting && (
          <p className="banner warning" role="status">
            {t('session.someoneWaiting')}
          </p>
        )}
        <Banner kind="error" text={problem} />
      </header>

      {message && (
        <Modal labelledBy="staff-message-title" alert onClose={messageRead} className="staff-message">
          <h2 id="staff-message-title">{t('session.messageTitle')}</h2>
          <p>{message.text}</p>
          <button type="button" className="button" onClick={messageRead}>
            {t('session.messageOk')}
          </button>
        </Modal>
      )}

      <main className="browse-area">
        <FilePicker />
        {blocked ? (
          <section className="blocked-page" aria-labelledby="blocked-title">
            <h2 id="blocked-title">{t('blocked.title')}</h2>
            <p>{blocked.reason}</p>
            <p className="hint">{t('blocked.rule', { rule: t(`rules.${blocked.rule}`, { defaultValue: blocked.rule }) })}</p>
            <button type="button" className="button" onClick={() => void browse('home')}>
              {t('blocked.home')}
            </button>
          </section>
        ) : showHome ? (
          <section className="home-links" aria-labelledby="home-links-title">
            <h2 id="home-links-title">{t('browser.homeTitle')}</h2>
            <ul>
              {state.homeLinks.map((link) => (
                <li key={link.url}>
                  <button type="button" className="link-tile" onClick={() => openLink(link.url)}>
                    <span className="name">{link.title}</span>
                    <span className="url">{link.url}</span>
                  </button>
                </li>
              ))}
            </ul>
            {session.downloads.length > 0 && (
              <div className="downloads">
                <h3>{t('browser.downloads')}</h3>
                <ul>
                  {session.downloads.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        ) : !electron && origin ? (
          <iframe
            className="placeholder-frame"
            title={t('browser.frameTitle')}
            src={`${origin}/${launchQuery()}#/internet/frame?u=${encodeURIComponent(frameUrl)}`}
          />
        ) : null}
      </main>
    </div>
  );
}
