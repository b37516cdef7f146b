// Announcements on the idle home screen: today's staff notices and the reading/learning days of
// the preloaded calendar, refreshed every few minutes so a new day brings its own.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '#contract';
import { useApi } from '../../api/context';
import { useLoad } from '../../api/useLoad';
import { useFormat } from '../../i18n/format';

type Current = ResponseOf<'announcements.current'>;
const REFRESH_MS = 5 * 60_000;

export function AttractAnnouncements() {
  const api = useApi();
  const { t } = useTranslation('announcements');
  const format = useFormat();
  const { value: current, reload } = useLoad<Current>(() => api.call('announcements.current', {}), [api]);
  useEffect(() => {
    const id = setInterval(reload, REFRESH_MS);
    return () => clearInterval(id);
  }, [reload]);

  if (!current || current.announcements.length + current.calendar.length === 0) return null;
  return (
    <section className="attract-announcements" aria-label={t('attract.label')}>
      {current.calendar.map((event) => (
        <article key={event.key} className="announcement-card calendar" data-calendar={event.key}>
          <div>
            <h2>{t(`calendar.${event.key}.title`)}</h2>
            <p>{t(`calendar.${event.key}.body`)}</p>
            <p className="when">{t('attract.eventOn', { date: format.day(event.eventOn) })}</p>
          </div>
        </article>
      ))}
      {current.announcements.map((item) => (
        <article key={item.id} className="announcement-card" data-announcement={item.id}>
          {item.image && <img src={`data:${item.image.mime};base64,${item.image.base64}`} alt={t('page.imageAlt', { title: item.title })} />}
          <div>
            <h2>{item.title}</h2>
            {item.body && <p>{item.body}</p>}
          </div>
        </article>
      ))}
    </section>
  );
}
