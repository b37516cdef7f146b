// PDF reader on pdf.js: one page at a time on a canvas, large previous/next buttons, zoom, and a
// "large text" mode that fits the page width at double size for residents who need bigger letters.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

// One worker for every document: starting pdf.js's worker costs more than opening a small PDF.
let sharedWorker: PDFWorker | undefined;
const pdfWorker = () => (sharedWorker ??= new PDFWorker());

const ZOOMS = [0.75, 1, 1.25, 1.5, 2, 2.5, 3];

export function PdfViewer({ url, onError }: { url: string; onError: () => void }) {
  const { t } = useTranslation('eresources');
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    // No eval (the CSP forbids it) and no fetch of fonts from elsewhere: packs embed their fonts.
    const task = getDocument({ url, worker: pdfWorker(), isEvalSupported: false, disableAutoFetch: true });
    task.promise.then(setDoc, onError);
    return () => void task.destroy();
  }, [url, onError]);

  useEffect(() => {
    if (!doc || !canvas.current || !frame.current) return;
    let cancelled = false;
    let render: RenderTask | undefined;
    void doc.getPage(page).then((p) => {
      if (cancelled || !canvas.current || !frame.current) return;
      const base = p.getViewport({ scale: 1 });
      // Zoom 1 = the page fits the frame's width (or height, whichever is tighter).
      const fit = Math.min((frame.current.clientWidth - 16) / base.width, (frame.current.clientHeight - 16) / base.height);
      const scale = Math.max(0.2, fit * zoom);
      const ratio = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: scale * ratio });
      canvas.current.width = viewport.width;
      canvas.current.height = viewport.height;
      canvas.current.style.width = `${viewport.width / ratio}px`;
      canvas.current.style.height = `${viewport.height / ratio}px`;
      render = p.render({ canvas: canvas.current, viewport });
      render.promise.then(
        () => !cancelled && setRendered((n) => n + 1),
        () => undefined,
      );
    }, onError);
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page, zoom, onError]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown') setPage((p) => Math.min(doc?.numPages ?? p, p + 1));
      if (e.key === 'ArrowLeft' || e.key === 'PageUp') setPage((p) => Math.max(1, p - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc]);

  const pages = doc?.numPages ?? 0;
  const zoomIndex = ZOOMS.indexOf(zoom);
  return (
    <div className="reader">
      <div className="reader-toolbar" role="toolbar" aria-label={t('viewer.pdfTools')}>
        <button type="button" className="button" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1}>
          {t('viewer.previousPage')}
        </button>
        <span className="page-indicator" aria-live="polite" data-testid="pdf-page">
          {pages ? t('viewer.pageOf', { page, pages }) : t('viewer.loading')}
        </span>
        <button type="button" className="button" onClick={() => setPage((p) => Math.min(pages, p + 1))} disabled={!pages || page >= pages}>
          {t('viewer.nextPage')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button secondary"
          onClick={() => setZoom(ZOOMS[Math.max(0, zoomIndex - 1)]!)}
          disabled={zoomIndex <= 0}
          aria-label={t('viewer.zoomOut')}
        >
          −
        </button>
        <span className="zoom-indicator">{Math.round(zoom * 100)}%</span>
        <button
          type="button"
          className="button secondary"
          onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, zoomIndex + 1)]!)}
          disabled={zoomIndex >= ZOOMS.length - 1}
          aria-label={t('viewer.zoomIn')}
        >
          +
        </button>
        <button type="button" className={`button ${zoom >= 2 ? '' : 'secondary'}`} aria-pressed={zoom >= 2} onClick={() => setZoom(zoom >= 2 ? 1 : 2)}>
          {t('viewer.largeText')}
        </button>
      </div>
      <div className="reader-page pdf-page" ref={frame} data-rendered={rendered}>
        <canvas ref={canvas} aria-label={pages ? t('viewer.pageOf', { page, pages }) : undefined} role="img" />
      </div>
    </div>
  );
}
