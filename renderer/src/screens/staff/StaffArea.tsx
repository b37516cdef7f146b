// The staff area (#/staff): sign-in, then the staff home or one staff page (#/staff/<id>).
// Signing out happens on the button, after 15 idle minutes (as the core does), and whenever the
// kiosk leaves the staff area (back to the resident home or idle screen).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../electron/contract';
import type { SystemInfo } from '../../../../electron/contract/system';
import { useApi } from '../../api/context';
import { BackIcon } from '../../components/icons';
import { navigate, navigateSub, useSubRoute } from '../../router';
import { pagesFor, staffPages } from './pages';
import { StaffHome } from './StaffHome';
import { StaffSessionProvider, type StaffSession } from './StaffSession';
import { StaffSignIn } from './StaffSignIn';
import { useIdleTimeout } from './useIdleTimeout';
import '../../styles/staff.css';

/** Same as STAFF_IDLE_MS in electron/core/staff/auth.ts: the core forgets the token then too. */
export const STAFF_IDLE_MS = 15 * 60 * 1000;

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

  useIdleTimeout(STAFF_IDLE_MS, () => endSession('idle'), grant !== undefined);

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
      </div>
    </StaffSessionProvider>
  );
}
