// The staff home: who is signed in, and the entries to the staff pages this role may open.
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../../../electron/contract/system';
import { navigateSub } from '../../router';
import type { StaffPage } from './pages';
import { useStaffSession } from './StaffSession';

export function StaffHome({ info, pages }: { info: SystemInfo; pages: StaffPage[] }) {
  const { t } = useTranslation('staff');
  const { staff } = useStaffSession();
  return (
    <div className="staff-home">
      <p className="staff-greeting">{t('home.greeting', { name: staff.displayName, library: info.libraryName })}</p>
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
