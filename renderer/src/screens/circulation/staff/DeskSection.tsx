// A section of a resident's record at the staff desk that does one thing (reissue, merge, erase…):
// its fields, and a button that, for what cannot be undone, asks for a second tap first.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One desk action: a title, what it does, its fields, and a button that may ask to be tapped twice. */
export function DeskSection({
  id,
  title,
  explain,
  children,
  action,
  ready = true,
  confirm,
  yes,
  no,
  run,
}: {
  id: string;
  title: string;
  explain: string;
  children: ReactNode;
  action: string;
  ready?: boolean;
  confirm?: string;
  yes?: string;
  no?: string;
  run: () => Promise<void>;
}) {
  const { t } = useTranslation('circulation');
  const [confirming, setConfirming] = useState(false);
  const go = async () => {
    setConfirming(false);
    await run();
  };
  return (
    <section className="circ-patron circ-add" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{explain}</p>
      {children}
      {confirming && confirm ? (
        <div className="banner warning" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{confirm}</p>
          <div className="circ-actions">
            <button type="button" className="button" onClick={() => void go()}>
              {yes ?? t('staff.care.yes')}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {no ?? t('staff.care.no')}
            </button>
          </div>
        </div>
      ) : (
        <div className="circ-actions">
          <button type="button" className="button secondary" disabled={!ready} onClick={() => (confirm ? setConfirming(true) : void go())}>
            {action}
          </button>
        </div>
      )}
    </section>
  );
}
