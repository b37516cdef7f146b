// An image from a pack, fitted to the screen; one button toggles actual size for small details.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ImageViewer({ url, title, onError }: { url: string; title: string; onError: () => void }) {
  const { t } = useTranslation('eresources');
  const [full, setFull] = useState(false);
  return (
    <div className="reader">
      <div className="reader-toolbar">
        <button type="button" className="button secondary" aria-pressed={full} onClick={() => setFull(!full)}>
          {full ? t('viewer.fitScreen') : t('viewer.actualSize')}
        </button>
      </div>
      <div className={`reader-page image-page${full ? ' full' : ''}`}>
        <img src={url} alt={title} onError={onError} />
      </div>
    </div>
  );
}
