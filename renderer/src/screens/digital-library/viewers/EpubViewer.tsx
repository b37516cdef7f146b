// EPUB reader on epub.js: paginated, large previous/next buttons, and font size steps. Book scripts
// never run (the frame has no allow-scripts) and the kiosk CSP still applies to what the book loads.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ePub, { type Book, type Rendition } from 'epubjs';

const SIZES = [100, 125, 150, 175, 200];

export function EpubViewer({ url, onError }: { url: string; onError: () => void }) {
  const { t } = useTranslation('eresources');
  const area = useRef<HTMLDivElement>(null);
  const rendition = useRef<Rendition>(undefined);
  const [size, setSize] = useState(125);
  // The book opens at the size chosen then; later changes go through the font-size effect, since
  // reopening the book for them would lose the place.
  const sizeAtOpen = useEffectEvent(() => size);
  const [location, setLocation] = useState<{ page: number; pages: number } | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!area.current) return;
    let book: Book | undefined;
    let cancelled = false;
    void (async () => {
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(String(response.status));
        const data = await response.arrayBuffer();
        if (cancelled || !area.current) return;
        book = ePub(data);
        const r = book.renderTo(area.current, { width: '100%', height: '100%', flow: 'paginated', spread: 'none', allowScriptedContent: false });
        rendition.current = r;
        r.themes.fontSize(`${sizeAtOpen()}%`);
        r.on('relocated', (loc: { start: { displayed: { page: number; total: number } } }) => {
          setLocation({ page: loc.start.displayed.page, pages: loc.start.displayed.total });
        });
        await r.display();
        if (!cancelled) setReady(true);
      } catch {
        if (!cancelled) onError();
      }
    })();
    return () => {
      cancelled = true;
      book?.destroy();
    };
  }, [url, onError]);

  useEffect(() => {
    rendition.current?.themes.fontSize(`${size}%`);
  }, [size]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') void rendition.current?.next();
      if (e.key === 'ArrowLeft') void rendition.current?.prev();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const index = SIZES.indexOf(size);
  return (
    <div className="reader">
      <div className="reader-toolbar" role="toolbar" aria-label={t('viewer.epubTools')}>
        <button type="button" className="button" onClick={() => void rendition.current?.prev()} disabled={!ready}>
          {t('viewer.previousPage')}
        </button>
        <span className="page-indicator" aria-live="polite" data-testid="epub-location">
          {ready ? (location ? t('viewer.chapterPage', location) : '') : t('viewer.loading')}
        </span>
        <button type="button" className="button" onClick={() => void rendition.current?.next()} disabled={!ready}>
          {t('viewer.nextPage')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button secondary"
          onClick={() => setSize(SIZES[Math.max(0, index - 1)]!)}
          disabled={index <= 0}
          aria-label={t('viewer.smallerText')}
        >
          A−
        </button>
        <span className="zoom-indicator">{size}%</span>
        <button
          type="button"
          className="button secondary"
          onClick={() => setSize(SIZES[Math.min(SIZES.length - 1, index + 1)]!)}
          disabled={index >= SIZES.length - 1}
          aria-label={t('viewer.biggerText')}
        >
          A+
        </button>
      </div>
      <div className="reader-page epub-page" ref={area} data-ready={ready} />
    </div>
  );
}
