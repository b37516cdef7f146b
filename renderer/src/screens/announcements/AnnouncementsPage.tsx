// Staff page: schedule announcements for the idle screen (title, text, optional image, first and
// last day), edit and remove them, and switch the preloaded reading-day calendar entries on or off.
import { localDay } from '../../../../common/calendar';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '#contract';
import { ApiCallError } from '../../api/client';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { useAnnounce } from '../../components/Announcer';
import { useFormat } from '../../i18n/format';
import { VietnameseTextInput } from '../../input/VietnameseTextInput';
import { readImage } from './image';
import { Banner } from '../../components/Banner';
import { FieldError } from '../../components/FieldError';

type Listing = ResponseOf<'announcements.list'>;
type Announcement = Listing['announcements'][number];
type Image = { mime: 'image/png' | 'image/jpeg' | 'image/webp'; base64: string };

function todayInVietnam(): string {
  return localDay(Date.now());
}

export function AnnouncementsPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('announcements');
  const format = useFormat();
  const announce = useAnnounce();
  const [listing, setListing] = useState<Listing>();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [startsOn, setStartsOn] = useState(todayInVietnam);
  const [endsOn, setEndsOn] = useState(todayInVietnam);
  const [image, setImage] = useState<Image | null>(null);
  const [error, setError] = useState<string>();
  // Problems with one field are said next to it (title, end date, image); the banner is for the rest.
  const [fieldProblems, setFieldProblems] = useState<{ title?: string; endsOn?: string; image?: string }>({});
  const clearProblem = (field: 'title' | 'endsOn' | 'image') => setFieldProblems(({ [field]: _gone, ...rest }) => rest);
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<number>();
  // Remounts the file input, which React cannot clear, whenever the form is reset or loaded.
  const [fileKey, setFileKey] = useState(0);
  const today = todayInVietnam();

  const explain = useCallback((e: unknown) => apiErrorText(t, e, 'errors.failed'), [t]);
  const reload = useCallback(() => api.call('announcements.list', { staffToken }).then(setListing), [api, staffToken]);
  useEffect(() => {
    reload().catch((e: unknown) => setError(explain(e)));
  }, [reload, explain]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    const problems = {
      ...(!title.trim() ? { title: t('errors.title_missing') } : {}),
      ...(endsOn < startsOn ? { endsOn: t('errors.dates_order') } : {}),
    };
    setFieldProblems(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const saved =
        editing === undefined
          ? await api.call('announcements.create', { staffToken, title, body, image, startsOn, endsOn })
          : await api.call('announcements.update', { staffToken, id: editing, title, body, image, startsOn, endsOn });
      const message = t(editing === undefined ? 'page.saved' : 'page.updated', { title: saved.title });
      resetForm();
      setStatus(message);
      announce(message);
      await reload();
    } catch (e) {
      // The core checks the image by its bytes too: that refusal belongs next to the image.
      if (e instanceof ApiCallError && e.error.reason?.startsWith('image_')) setFieldProblems((p) => ({ ...p, image: explain(e) }));
      else setError(explain(e));
    } finally {
      setBusy(false);
    }
  }

  function resetForm() {
    setEditing(undefined);
    setError(undefined);
    setFieldProblems({});
    setTitle('');
    setBody('');
    setImage(null);
    setStartsOn(todayInVietnam());
    setEndsOn(todayInVietnam());
    setFileKey((k) => k + 1);
  }

  function startEditing(a: Announcement) {
    setEditing(a.id);
    setError(undefined);
    setStatus(undefined);
    setTitle(a.title);
    setBody(a.body);
    setImage(a.image);
    setStartsOn(a.startsOn);
    setEndsOn(a.endsOn);
    setFileKey((k) => k + 1);
    document.getElementById('announcement-form-title')?.focus();
  }

  async function remove(id: number) {
    try {
      await api.call('announcements.remove', { staffToken, id });
      setStatus(t('page.removed'));
      announce(t('page.removed'));
    } catch (e) {
      setError(explain(e));
    }
    await reload().catch(() => undefined);
  }

  async function toggleCalendar(key: string, enabled: boolean) {
    try {
      await api.call('announcements.setCalendarEnabled', { staffToken, key, enabled });
      await reload();
    } catch (e) {
      setError(explain(e));
    }
  }

  const stateOf = (a: { startsOn: string; endsOn: string }) => (a.endsOn < today ? 'past' : a.startsOn > today ? 'upcoming' : 'showing');
  const day = (iso: string) => format.day(iso);

  return (
    <div className="announcements-page">
      <p>{t('page.intro')}</p>
      <form className="announcement-form" onSubmit={submit} noValidate aria-labelledby="announcement-form-title">
        <h2 id="announcement-form-title" tabIndex={-1}>
          {editing === undefined ? t('page.newTitle') : t('page.editTitle')}
        </h2>
        <VietnameseTextInput
          id="announcement-title"
          label={t('page.fieldTitle')}
          value={title}
          onValueChange={(value) => (setTitle(value), clearProblem('title'))}
          maxLength={120}
          required
          {...(fieldProblems.title ? { 'aria-invalid': true, 'aria-describedby': 'announcement-title-error' } : {})}
        />
        <FieldError id="announcement-title-error" text={fieldProblems.title ?? null} />
        <VietnameseTextInput label={t('page.fieldBody')} value={body} onValueChange={setBody} maxLength={600} />
        <div className="form-row">
          <label>
            <span>{t('page.fieldStarts')}</span>
            <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
          </label>
          <label>
            <span>{t('page.fieldEnds')}</span>
            <input
              type="date"
              value={endsOn}
              min={startsOn}
              onChange={(e) => (setEndsOn(e.target.value), clearProblem('endsOn'))}
              required
              aria-invalid={fieldProblems.endsOn ? true : undefined}
              aria-describedby={fieldProblems.endsOn ? 'announcement-ends-error' : undefined}
            />
            <FieldError id="announcement-ends-error" text={fieldProblems.endsOn ?? null} />
          </label>
        </div>
        <label>
          <span>{t('page.fieldImage')}</span>
          <input
            key={fileKey}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return setImage(null);
              readImage(file).then(
                (value) => (setImage(value), clearProblem('image')),
                (reason: Error) => (setImage(null), setFieldProblems((p) => ({ ...p, image: t(`errors.${reason.message}`) }))),
              );
            }}
            aria-invalid={fieldProblems.image ? true : undefined}
            aria-describedby={fieldProblems.image ? 'announcement-image-error' : undefined}
          />
          <FieldError id="announcement-image-error" text={fieldProblems.image ?? null} />
        </label>
        {image && (
          <div className="announcement-image-preview">
            <img src={`data:${image.mime};base64,${image.base64}`} alt={t('page.imagePreview')} />
            <button type="button" className="button secondary" onClick={() => (setImage(null), setFileKey((k) => k + 1))}>
              {t('page.removeImage')}
            </button>
          </div>
        )}
        <Banner kind="error" text={error} />
        <Banner kind="success" text={status} />
        <div className="form-row">
          <button type="submit" className="button" disabled={busy}>
            {editing === undefined ? t('page.save') : t('page.update')}
          </button>
          {editing !== undefined && (
            <button type="button" className="button secondary" onClick={resetForm}>
              {t('page.cancelEdit')}
            </button>
          )}
        </div>
      </form>

      <h2>{t('page.scheduled')}</h2>
      {!listing && <p>{t('page.loading')}</p>}
      {listing && listing.announcements.length === 0 && <p>{t('page.none')}</p>}
      <ul className="announcement-list">
        {listing?.announcements.map((a) => (
          <li key={a.id} data-state={stateOf(a)}>
            <div>
              <strong>{a.title}</strong>
              <span className="when">
                {t('page.dates', { from: day(a.startsOn), to: day(a.endsOn) })} · <span className="state">{t(`page.status.${stateOf(a)}`)}</span>
              </span>
            </div>
            <div className="announcement-actions">
              <button type="button" className="button secondary" aria-label={t('page.edit', { title: a.title })} onClick={() => startEditing(a)}>
                {t('page.editShort')}
              </button>
              <button type="button" className="button secondary" onClick={() => void remove(a.id)}>
                {t('page.remove', { title: a.title })}
              </button>
            </div>
          </li>
        ))}
      </ul>

      <h2>{t('page.calendarTitle')}</h2>
      <p>{t('page.calendarIntro')}</p>
      <ul className="announcement-list">
        {listing?.calendar.map((event) => (
          <li key={event.key}>
            <label className="check">
              <input type="checkbox" checked={event.enabled} onChange={(e) => void toggleCalendar(event.key, e.target.checked)} />
              <span>
                {t('page.calendarShow', { title: t(`calendar.${event.key}.title`) })}
                <span className="when">{t('page.dates', { from: day(event.startsOn), to: day(event.endsOn) })}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
