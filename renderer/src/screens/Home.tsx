// The attract / home screen: what the kiosk is for, how to start, and the four services.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '#contract/system';
import { BooksIcon, GlobeIcon, ScanIcon, SearchIcon, TabletIcon } from '../components/icons';
import { navigate, type RouteId } from '../router';
import { useFormat } from '../i18n/format';
import { useScan } from '../devices/ScanProvider';
import { dropHandedOffScan, handOffScan } from './circulation/handoff';
import { ResidentOptions } from '../a11y/ResidentOptions';
import { AttractAnnouncements } from './announcements/AttractAnnouncements';
import { InternetBusyNotice } from './internet/InternetBusyNotice';
import '../styles/home.css';

const SERVICES: { route: RouteId; key: string; Icon: typeof BooksIcon }[] = [
  { route: 'circulation', key: 'circulation', Icon: BooksIcon },
  { route: 'internet', key: 'internet', Icon: GlobeIcon },
  { route: 'digital-library', key: 'digitalLibrary', Icon: TabletIcon },
  { route: 'search', key: 'search', Icon: SearchIcon },
];

function useNow(intervalMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function Home({ info }: { info: SystemInfo }) {
  const { t } = useTranslation('home');
  const format = useFormat();
  const now = useNow();
  // Back on the home screen, a scan handed to the circulation screen earlier is nobody's any more.
  useEffect(() => dropHandedOffScan(), []);
  // A library card or CCCD scanned here signs the resident in; a book's barcode starts a return.
  useScan((scan) => {
    if (scan.kind !== 'card' && scan.kind !== 'cccd' && scan.kind !== 'item') return;
    handOffScan(scan);
    navigate('circulation');
  });
  const time = format.time(now);
  const date = format.longDate(now);

  return (
    <div className="screen home">
      <header className="home-header">
        <p className="library">{info.libraryName}</p>
        <div className="clock" aria-label={t('clockLabel', { time, date })}>
          <div>{time}</div>
          <div className="date">{date}</div>
        </div>
      </header>
      <main className="screen" style={{ flex: 1 }}>
        <section className="attract" aria-labelledby="attract-title">
          <ScanIcon size={88} />
          <div>
            <p id="attract-title">{t('scanPrompt')}</p>
            <p className="hint">{t('scanHint')}</p>
          </div>
        </section>
        <AttractAnnouncements />
        {info.mode === 'demo' && (
          <p className="banner warning home-demo" role="note">
            {t('demoBanner')}
          </p>
        )}
        <nav className="services" aria-label={t('servicesLabel')}>
          {SERVICES.map(({ route, key, Icon }) => (
            <button key={route} type="button" className="service-tile" onClick={() => navigate(route)} data-service={route}>
              <Icon size={72} />
              <span>
                <span className="name">{t(`services.${key}.name`)}</span>
                <span className="desc">{t(`services.${key}.description`)}</span>
              </span>
            </button>
          ))}
        </nav>
        <InternetBusyNotice />
      </main>
      <footer className="home-footer">
        <div className="options">
          <ResidentOptions />
        </div>
        <button type="button" className="button quiet" onClick={() => navigate('staff')}>
          {t('staffEntry')}
        </button>
      </footer>
    </div>
  );
}
