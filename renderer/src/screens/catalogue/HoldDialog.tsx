// Đặt trước from Tra cứu sách: a resident reserves a book whose copies are all out. The hold is for
// the resident signed in at Mượn / trả sách (named, so nobody reserves on someone else's card by
// mistake), or for a library card or CCCD scanned or typed here. The dialog says where they stand in
// the queue and how long the library keeps the book once it is back.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Modal } from '../../components/Modal';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '#contract/catalogue';
import type { HoldView } from '#contract/circulation';
import type { ScanEvent } from '#contract/devices';
import { useApi } from '../../api/context';
import { useScan } from '../../devices/ScanProvider';
import { signedInToken, useSignedInCard } from '../../session/signed-in-resident';
import { formatDay } from '../../../../common/calendar';
import { ManualEntry, ProblemBanner } from '../circulation/parts';
import { describeProblem, type Problem } from '../circulation/problem';

/** Whether a book can be reserved at all: nothing on the shelf, but a copy that will come back. */
export function canReserve(hit: SearchHit): boolean {
  return hit.available === 0 && hit.items.some((item) => item.status === 'on_loan' || item.status === 'in_transit' || item.setAside);
}

export function HoldDialog({ hit, pickupDays, onClose }: { hit: SearchHit; pickupDays: number; onClose: () => void }) {
  const api = useApi();
  const { t, i18n } = useTranslation('catalogue');
  const signedIn = useSignedInCard();
  const [otherCard, setOtherCard] = useState(false);
  const [placed, setPlaced] = useState<HoldView>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const askForCard = !signedIn || otherCard;

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input, button.button')?.focus();
  }, [askForCard, placed]);

  // The hold is placed with a resident token: the signed-in resident's, or one from signing in with
  // the card or CCCD offered here, which is ended again at once (this is not a visit to stay).
  const place = useCallback(
    async (signIn: () => Promise<{ token: string; own: boolean } | null>) => {
      setBusy(true);
      try {
        const resident = await signIn();
        if (resident) {
          try {
            setPlaced(await api.call('circulation.placeHold', { residentToken: resident.token, recordId: hit.id }));
          } finally {
            if (!resident.own) void api.call('circulation.signOut', { residentToken: resident.token }).catch(() => undefined);
          }
        }
        setProblem(resident ? null : { reason: 'no_card', headline: t('hold.noCard'), detail: t('hold.noCardDetail'), params: {} });
      } catch (error) {
        setProblem(describeProblem(error, t, i18n.language));
      } finally {
        setBusy(false);
      }
    },
    [api, hit.id, t, i18n.language],
  );

  const byCard = useCallback(
    (card: string, method: 'card' | 'manual') => async () => {
      const result = await api.call('circulation.signIn', { method, card });
      return result.kind === 'patron' ? { token: result.residentToken, own: false } : null;
    },
    [api],
  );

  const onScan = useCallback(
    (scan: ScanEvent) => {
      if (scan.kind === 'card') void place(byCard(scan.text, 'card'));
      // A CCCD finds the resident's card; one with no card yet is sent to register first.
      else if (scan.kind === 'cccd') {
        void place(async () => {
          const result = await api.call('circulation.signIn', { method: 'cccd', qr: scan.text });
          return result.kind === 'patron' ? { token: result.residentToken, own: false } : null;
        });
      }
    },
    [api, place, byCard],
  );
  useScan(onScan, { enabled: askForCard && !placed && !busy });

  return (
    <Modal labelledBy="hold-title" onClose={onClose} className="hold-dialog">
      <div ref={dialog}>
        <h2 id="hold-title">{t('hold.title', { title: hit.title })}</h2>
        {problem && <ProblemBanner problem={problem} />}
        {placed ? (
          <div className="hold-placed" role="status">
            <p className="hold-placed-headline">{placed.status === 'ready' ? t('hold.placedReady') : t('hold.placed', { position: placed.position })}</p>
            <p>
              {placed.status === 'ready' && placed.readyUntil
                ? t('hold.readyUntil', { date: formatDay(placed.readyUntil) })
                : t('hold.whenBack', { count: pickupDays })}
            </p>
            {placed.status === 'waiting' && placed.nextDueOverdue && <p>{t('hold.expectedOverdue')}</p>}
            {placed.status === 'waiting' && placed.nextDueDate && !placed.nextDueOverdue && (
              <p>{t('hold.expected', { date: formatDay(placed.nextDueDate) })}</p>
            )}
            <button type="button" className="button" onClick={onClose}>
              {t('hold.done')}
            </button>
          </div>
        ) : askForCard ? (
          <>
            <p>{t('hold.scanCard')}</p>
            <ManualEntry
              id="hold-card"
              label={t('hold.cardLabel')}
              hint={t('hold.cardHint')}
              submitLabel={t('hold.submit')}
              onSubmit={(card) => void place(byCard(card, 'manual'))}
            />
            <div className="hold-actions">
              <button type="button" className="button quiet" onClick={onClose}>
                {t('hold.cancel')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p>{t('hold.forSignedIn', { card: signedIn })}</p>
            <p className="hold-note">{t('hold.whenBack', { count: pickupDays })}</p>
            <div className="hold-actions">
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() =>
                  void place(async () => {
                    const token = signedInToken();
                    return token ? { token, own: true } : null;
                  })
                }
              >
                {t('hold.confirm')}
              </button>
              <button type="button" className="button secondary" onClick={() => (setOtherCard(true), setProblem(null))}>
                {t('hold.otherCard')}
              </button>
              <button type="button" className="button quiet" onClick={onClose}>
                {t('hold.cancel')}
              </button>
            </div>
          </>
        )}
      </div>
    </Modal>
  );
}
