// The staff area (#/staff): sign-in, then the staff home or one staff page (#/staff/<id>).
// Signing out happens on the button, after 15 idle minutes (as the core does; the last minute is
// counted down on screen, and staying tells the core too), and whenever the kiosk leaves the staff
// area (back to the resident home or idle screen).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '#contract';
import type { SystemInfo } from '#contract/system';
import { useApi } from '../../api/context';
import { BackIcon } from '../../components/icons';
import { navigate, navigateSub, useSubRoute } from '../../router';
import { pagesFor, staffPages } from './pages';
import { StaffHome } from './StaffHome';
import { StaffSessionProvider, type StaffSession } from './StaffSession';
import { StaffSignIn } from './StaffSignIn';
import { useIdle } from '../../session/useIdle';
import { IdleCountdown } from '../../components/IdleCountdown';
import '../../styles/staff.css';

/** Same as STAFF_IDLE_MS in electron/core/staff/auth.ts: the core forgets the token then too. */
export const STAFF_IDLE_MS = 15 * 60 * 1000;
/** The last minute before the idle sign-out is counted down on screen. */
const STAFF_IDLE_COUNTDOWN_SECONDS = 60;

type Grant = ResponseOf<'staff.signIn'>;

export function StaffArea({ info }: { info: SystemInfo }) {
  const api = useApi();
  const { t } = useTranslation('staff');
  const sub = useSubRoute();
  const [grant, setGrant] = useState<Grant>();
  const [notice, setNotice] = useState<string>();
  const tokenRef = useRef<string>(undefined);

  const endSession = useCallback(
    (why: 'button' | 'idle') => {
      const token = tokenRef.current;
      tokenRef.current = undefined;
      setGrant(undefined);
      if (token) void api.call('staff.signOut', { staffToken: token }).catch(() => undefined);
      if (why === 'idle') {
        setNotice(t('signedOutIdle'));
        navigateSub('staff', '');
      } else {
        navigate('home');
      }
    },
    [api, t],
  );

  // Leaving the staff area (resident home, idle screen) ends the session.
  useEffect(
    () => () => {
      const token = tokenRef.current;
      if (token) void api.call('staff.signOut', { staffToken: token }).catch(() => undefined);
    },
    [api],
  );

  const idle = useIdle({
    active: grant !== undefined,
    idleSeconds: STAFF_IDLE_MS / 1000,
    countdownSeconds: STAFF_IDLE_COUNTDOWN_SECONDS,
    onTimeout: () => endSession('idle'),
  });
  const { touch } = idle;
  const stay = useCallback(() => {
    touch();
    // Touching the screen calls nothing: tell the core the staff member is still here, or it forgets the token.
    const token = tokenRef.current;
    if (token) void api.call('staff.whoami', { staffToken: token }).catch(() => undefined);
  }, [api, touch]);

  const session = useMemo<StaffSession | undefined>(
    () => grant && { token: grant.token, staff: grant.staff, signOut: () => endSession('button') },
    [grant, endSession],
  );

  if (!session) {
    return (
      <>
        {notice && (
          <p className="banner warning staff-notice" role="status">
            {notice}
          </p>
        )}
        <StaffSignIn
          onSignedIn={(result) => {
            tokenRef.current = result.token;
            setNotice(undefined);
            setGrant(result);
          }}
        />
      </>
    );
  }

  const allowed = pagesFor(session.staff.role);
  const page = allowed.find((candidate) => candidate.id === sub);
  const forbidden = !page && sub !== '' && staffPages.some((candidate) => candidate.id === sub);

  return (
    <StaffSessionProvider session={session}>
      <div className="screen staff-area">
        <header className="topbar">
          {page || sub ? (
            <button type="button" className="button secondary" onClick={() => navigateSub('staff', '')}>
              <BackIcon size={24} style={{ verticalAlign: 'middle', marginRight: 8 }} />
              {t('backToStaffHome')}
            </button>
          ) : null}
          <h1>{page ? t(page.titleKey) : t('home.title')}</h1>
          <span className="staff-who">
            {session.staff.displayName} · {t(`roles.${session.staff.role}`)}
          </span>
          <button type="button" className="button secondary" onClick={session.signOut}>
            {t('signOut')}
          </button>
        </header>
        <main className="content">
          {page ? (
            <page.Component staffToken={session.token} />
          ) : sub ? (
            <p className="banner warning" role="alert">
              {forbidden ? t('pageForbidden') : t('pageUnknown')}
            </p>
          ) : (
            <StaffHome info={info} pages={allowed} />
          )}
        </main>
        {idle.secondsLeft !== null && <IdleCountdown secondsLeft={idle.secondsLeft} onStay={stay} />}
      </div>
    </StaffSessionProvider>
  );
}
