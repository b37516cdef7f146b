// The staff home: today's figures, what needs attention, and the entries to the staff pages this
// role may open.
import { useTranslation } from 'react-i18next';
import type { StaffOverview } from '#contract/technician';
import type { SystemInfo } from '#contract/system';
import { useApi } from '../../api/context';
import { useLoad } from '../../api/useLoad';
import { navigateSub } from '../../router';
import type { StaffPage } from './pages';
import { useStaffSession } from './StaffSession';
import { formatDay } from '../../../../common/calendar';

const FIGURES = ['visits', 'loans', 'returns', 'internetSessions'] as const;

export function StaffHome({ info, pages }: { info: SystemInfo; pages: StaffPage[] }) {
  const api = useApi();
  const { t } = useTranslation('staff');
  const { staff, token } = useStaffSession();
  const { value: overview, error } = useLoad<StaffOverview>(() => api.call('technician.staffOverview', { staffToken: token }), [api, token]);
  const failed = error !== undefined;

  const allowedIds = new Set(pages.map((page) => page.id));
  return (
    <div className="staff-home">
      <p className="staff-greeting">{t('home.greeting', { name: staff.displayName, library: info.libraryName })}</p>
      <section aria-labelledby="staff-today-title">
        <h2 id="staff-today-title">{t('home.todayTitle')}</h2>
        {failed && (
          <p className="banner error" role="alert">
            {t('errors.unavailable')}
          </p>
        )}
        {/* Drawn at once, with "…" until the figures come, so the tiles below never move under a finger. */}
        {!failed && (
          <ul className="figures" aria-busy={!overview}>
            {FIGURES.map((key) => (
              <li key={key} data-figure={key}>
                <span className="value">{overview ? overview.figures[key] : '…'}</span>
                {t(`home.figures.${key}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="staff-attention-title">
        <h2 id="staff-attention-title">{t('home.attentionTitle')}</h2>
        {!overview && !failed && (
          <p className="banner" role="status">
            {t('home.checking')}
          </p>
        )}
        {overview && overview.attention.length === 0 && <p className="banner success">{t('home.nothingToDo')}</p>}
        {overview && overview.attention.length > 0 && (
          <ul className="checks">
            {overview.attention.map((item) => (
              <li key={item.id} data-status={item.severity === 'info' ? 'ok' : item.severity} data-attention={item.id}>
                <strong>{t(`home.attention.${item.id}.title`)}</strong>
                <span>
                  {t(`home.attention.${item.id}.text`, { count: item.count ?? 0, date: item.day ? formatDay(item.day) : '' })}{' '}
                  {item.page && allowedIds.has(item.page) && (
                    <button type="button" className="button secondary" onClick={() => navigateSub('staff', item.page!)}>
                      {t('home.open')}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="staff-pages-title">
        <h2 id="staff-pages-title">{t('home.pagesTitle')}</h2>
        <nav className="staff-pages">
          {pages.map((page) => (
            <button key={page.id} type="button" className="staff-page-tile" data-page={page.id} onClick={() => navigateSub('staff', page.id)}>
              <span className="name">{t(page.titleKey)}</span>
              {page.role === 'technician' && <span className="tag">{t('roles.technician')}</span>}
            </button>
          ))}
        </nav>
      </section>
    </div>
  );
}
