// Opens one resource: counts the open (under the resident signed in at Mượn / trả sách, else
// anonymously), shows the viewer its format needs, and on leaving reports the visible time and, for
// audio/video, completion.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eresourceFileUrl, type OpenResponse } from '#contract/eresources';
import { ApiCallError } from '../../api/client';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { ScreenFrame } from '../../components/ScreenFrame';
import { navigateSub } from '../../router';
import { signedInCard } from '../../session/signed-in-resident';
import { useVisibleTime } from './useVisibleTime';
import { EpubViewer } from './viewers/EpubViewer';
import { HtmlViewer } from './viewers/HtmlViewer';
import { ImageViewer } from './viewers/ImageViewer';
import { LinkViewer } from './viewers/LinkViewer';
import { MediaPlayer } from './viewers/MediaPlayer';
import { PdfViewer } from './viewers/PdfViewer';
import { Banner } from '../../components/Banner';
import { FALLBACK_SETTINGS, useResidentSession } from '../../a11y/ResidentSession';
import { useScreenIdleRule } from '../../session/ResidentIdle';

export function Viewer({ resourceId }: { resourceId: number }) {
  const api = useApi();
  const { t } = useTranslation('eresources');
  const [opened, setOpened] = useState<OpenResponse>();
  const [cannotShow, setCannotShow] = useState(false);
  // Why the open failed, put in words at render time so a language switch does not open the resource again.
  const [openFailure, setOpenFailure] = useState<unknown>();
  const completed = useRef(false);
  const format = useRef<string>('');
  const visibleSeconds = useVisibleTime();
  // Reading takes minutes without a touch (and an EPUB's or page's frame keeps its own input), so a
  // viewer goes home only after the longer reading time; playing media counts as use (ResidentIdle).
  useScreenIdleRule({ idleSeconds: (useResidentSession().settings ?? FALLBACK_SETTINGS).readingIdleSeconds });

  useEffect(() => {
    let viewId: string | undefined;
    let cancelled = false;
    completed.current = false;
    const card = signedInCard();
    // A card the core no longer knows must not stop anyone reading: the open is then anonymous.
    const open = card
      ? api.call('eresources.open', { resourceId, card }).catch((e: unknown) => {
          if (e instanceof ApiCallError && e.error.reason === 'card_not_found') return api.call('eresources.open', { resourceId });
          throw e;
        })
      : api.call('eresources.open', { resourceId });
    open.then(
      (value) => {
        if (cancelled) {
          void api.call('eresources.close', { viewId: value.viewId, visibleSeconds: visibleSeconds(), completed: null }).catch(() => undefined);
          return;
        }
        viewId = value.viewId;
        format.current = value.resource.format;
        setOpened(value);
      },
      (e: unknown) => setOpenFailure(e ?? new Error('failed')),
    );
    return () => {
      cancelled = true;
      if (viewId) {
        const isMedia = format.current === 'audio' || format.current === 'video';
        void api.call('eresources.close', { viewId, visibleSeconds: visibleSeconds(), completed: isMedia ? completed.current : null }).catch(() => undefined);
      }
    };
  }, [api, resourceId, visibleSeconds]);

  const onError = useCallback(() => setCannotShow(true), []);
  const error = openFailure !== undefined ? apiErrorText(t, openFailure, 'errors.openFailed') : cannotShow ? t('errors.cannotShow') : undefined;
  const onEnded = useCallback(() => {
    completed.current = true;
  }, []);

  const back = () => navigateSub('digital-library', '');
  const resource = opened?.resource;
  const backButton = (
    <button type="button" className="button secondary" onClick={back}>
      {t('backToLibrary')}
    </button>
  );

  return (
    <ScreenFrame title={resource?.title ?? t('title')} actions={backButton}>
      <Banner kind="error" text={error} />
      {!error && !resource && <p role="status">{t('viewer.loading')}</p>}
      {!error && resource && (
        <div className={`viewer viewer-${resource.format}`} data-format={resource.format}>
          {resource.format === 'pdf' && <PdfViewer url={eresourceFileUrl(resource.id)} onError={onError} />}
          {resource.format === 'epub' && <EpubViewer url={eresourceFileUrl(resource.id)} onError={onError} />}
          {(resource.format === 'audio' || resource.format === 'video') && (
            <MediaPlayer
              url={eresourceFileUrl(resource.id)}
              kind={resource.format}
              coverUrl={resource.hasCover ? eresourceFileUrl(resource.id, 'cover') : null}
              onEnded={onEnded}
              onError={onError}
            />
          )}
          {resource.format === 'html' && <HtmlViewer url={eresourceFileUrl(resource.id)} title={resource.title} />}
          {resource.format === 'image' && <ImageViewer url={eresourceFileUrl(resource.id)} title={resource.title} onError={onError} />}
          {resource.format === 'link' && opened.link && <LinkViewer link={opened.link} url={resource.url ?? ''} />}
          {resource.description && resource.format !== 'pdf' && resource.format !== 'epub' && <p className="viewer-description">{resource.description}</p>}
        </div>
      )}
    </ScreenFrame>
  );
}
