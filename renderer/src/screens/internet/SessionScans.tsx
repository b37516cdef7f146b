// While someone browses, the PC still takes books back and places in the queue (issue #21, item 7):
// a book's barcode scanned at the kiosk is returned quietly — nobody is signed in, the session and
// its page stay as they are — and another resident's library card takes a place in the internet
// queue. The outcome is one short line in the session bar, so it never covers the page.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useAudioPrompt } from '../../a11y/audio';
import type { ScanEvent } from '#contract/devices';
import { useScan } from '../../devices/ScanProvider';
import { errorText } from './useInternet';

type Aside = { kind: 'done' | 'attention' | 'problem'; text: string };

export function SessionScans() {
  const api = useApi();
  const { t } = useTranslation('internet');
  const say = useAudioPrompt();
  const [aside, setAside] = useState<Aside | null>(null);

  const onScan = useCallback(
    async (scan: ScanEvent) => {
      try {
        if (scan.kind === 'item') {
          const result = await api.call('circulation.checkin', { item: scan.text });
          const reserved = result.flag === 'reserved';
          say(reserved ? 'reservedReturn' : 'returnDone');
          setAside({ kind: reserved ? 'attention' : 'done', text: t(reserved ? 'session.aside.reserved' : 'session.aside.returned', { title: result.title }) });
        } else if (scan.kind === 'card') {
          const ticket = await api.call('internet.queue.join', { card: scan.text });
          setAside({ kind: 'done', text: t('session.aside.queued', { ticket: ticket.ticket, count: ticket.estimatedWaitMinutes }) });
        } else if (scan.kind === 'isbn') {
          setAside({ kind: 'attention', text: t('circulation:advice.isbn_scanned') });
        } else if (scan.kind === 'cccd' || scan.kind === 'guest') {
          setAside({ kind: 'attention', text: t('session.aside.cardForQueue') });
        }
      } catch (error) {
        setAside({ kind: 'problem', text: errorText(t, error) });
      }
    },
    [api, say, t],
  );
  useScan((scan) => void onScan(scan));

  if (!aside) return null;
  return (
    <span className={`session-aside ${aside.kind}`} role={aside.kind === 'problem' ? 'alert' : 'status'} data-testid="session-aside">
      <span>{aside.text}</span>
      <button type="button" className="button quiet" aria-label={t('session.aside.close')} onClick={() => setAside(null)}>
        ×
      </button>
    </span>
  );
}
