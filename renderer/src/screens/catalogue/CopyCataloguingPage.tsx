// Staff page "Biên mục sao chép": scan or type a book's ISBN, the kiosk asks the configured
// catalogue servers (SRU, Z39.50) and lists their records; staff pick one, scan the new copy's
// barcode, and the book is on the shelf. While servers are asked the page stays usable (the
// answer arrives by itself, staff may stop waiting); ISBNs asked with no network wait in the queue.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyCandidate, CopyLookup } from '#contract/copy-cataloguing';
import type { ScanEvent } from '#contract/devices';
import { useApi } from '../../api/context';
import { useLoad } from '../../api/useLoad';
import { useScan } from '../../devices/ScanProvider';
import { useFormat } from '../../i18n/format';
import { VietnameseTextInput } from '../../input/VietnameseTextInput';
import '../../styles/catalogue.css';
import { useCatalogueExplain } from './explain';
import { CopyQueue } from './CopyQueue';

type Message = { kind: 'success' | 'error' | 'warning'; text: string };

export function CopyCataloguingPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('catalogue');
  const explain = useCatalogueExplain();
  const queue = useLoad(() => api.call('catalogue.copyQueue', { staffToken }), [api, staffToken]);
  const [isbn, setIsbn] = useState('');
  const [asking, setAsking] = useState<{ isbn: string; round: number }>();
  const [lookup, setLookup] = useState<CopyLookup>();
  const [picked, setPicked] = useState<CopyCandidate>();
  const [barcode, setBarcode] = useState('');
  const [location, setLocation] = useState('');
  const [message, setMessage] = useState<Message>();
  const round = useRef(0);
  const isbnInput = useRef<HTMLInputElement>(null);
  const barcodeInput = useRef<HTMLInputElement>(null);
  const waiting = useRef<number | undefined>(undefined);
  const { reload } = queue;

  useEffect(() => api.on('catalogue.copyQueueChanged', () => reload()), [api, reload]);
  // The scanner's text lands in the ISBN box whichever way it arrives (a keyboard-wedge scanner types).
  useEffect(() => isbnInput.current?.focus(), []);

  // Once a record is picked, the next thing is the new barcode: its box comes into view with the focus.
  useEffect(() => {
    if (!picked) return;
    barcodeInput.current?.focus({ preventScroll: true });
    barcodeInput.current?.scrollIntoView({ block: 'center' });
  }, [picked]);

  const ask = useCallback(
    (text: string) => {
      const value = text.trim();
      if (!value) return;
      const mine = ++round.current;
      waiting.current = mine;
      setAsking({ isbn: value, round: mine });
      setLookup(undefined);
      setPicked(undefined);
      setMessage(undefined);
      const wanted = () => waiting.current === mine;
      api.call('catalogue.copyLookup', { staffToken, isbn: value }).then(
        (answer) => {
          // An answer staff stopped waiting for (or a newer ISBN was asked) is only kept in the queue list.
          if (wanted()) {
            waiting.current = undefined;
            setAsking(undefined);
            setLookup(answer);
            if (answer.candidates.length === 1) setPicked(answer.candidates[0]);
          }
          reload();
        },
        (error: unknown) => {
          if (!wanted()) return;
          waiting.current = undefined;
          setAsking(undefined);
          setMessage({ kind: 'error', text: explain.error(error) });
        },
      );
    },
    [api, staffToken, explain, reload],
  );
  const stopWaiting = () => {
    waiting.current = undefined;
    setAsking(undefined);
  };

  const add = async () => {
    if (!lookup || !picked || !barcode.trim()) return;
    try {
      const done = await api.call('catalogue.copyAdd', {
        staffToken,
        lookupId: lookup.id,
        candidate: picked.index,
        barcode: barcode.trim(),
        ...(location.trim() ? { location: location.trim() } : {}),
      });
      setMessage({ kind: 'success', text: t(done.joinedExisting ? 'copy.addedCopy' : 'copy.added', { title: done.title, barcode: done.barcode }) });
      setLookup(undefined);
      setPicked(undefined);
      setBarcode('');
      setIsbn('');
      isbnInput.current?.focus();
      reload();
    } catch (error) {
      setMessage({ kind: 'error', text: explain.error(error) });
    }
  };

  const onScan = useCallback(
    (scan: ScanEvent) => {
      if (scan.kind === 'isbn') {
        setIsbn(scan.text);
        ask(scan.text);
      } else if (picked) setBarcode(scan.text);
    },
    [ask, picked],
  );
  useScan(onScan);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask(isbn);
  };
  const targets = queue.value?.targets ?? [];

  return (
    <div className="copy-cataloguing">
      <p>{t('copy.intro')}</p>
      {queue.value && targets.length === 0 && <p className="banner warning">{t('copy.noTargets')}</p>}
      {targets.length > 0 && <p className="copy-targets">{t('copy.targets', { names: targets.map((x) => x.name).join(', ') })}</p>}
      <form className="copy-isbn-row" noValidate onSubmit={submit}>
        <label htmlFor="copy-isbn" className="copy-isbn-label">
          {t('copy.isbnLabel')}
        </label>
        <input
          ref={isbnInput}
          id="copy-isbn"
          className="copy-isbn-input"
          inputMode="numeric"
          autoComplete="off"
          value={isbn}
          onChange={(e) => setIsbn(e.target.value)}
          maxLength={40}
        />
        <button type="submit" className="button" disabled={!isbn.trim()}>
          {t('copy.lookUp')}
        </button>
      </form>

      {asking && (
        <div className="banner copy-asking" role="status" aria-live="polite">
          <span className="copy-spinner" aria-hidden="true" />
          <span>{t('copy.asking', { count: targets.length, isbn: asking.isbn })}</span>
          <button type="button" className="button secondary" onClick={stopWaiting}>
            {t('copy.stopWaiting')}
          </button>
        </div>
      )}
      {message && (
        <p className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {lookup && <LookupResult lookup={lookup} picked={picked} onPick={setPicked} />}

      {lookup && picked && (
        <div className="copy-add">
          <h3>{t('copy.addTitle', { title: picked.title })}</h3>
          <label htmlFor="copy-barcode">{t('copy.barcodeLabel')}</label>
          <input
            ref={barcodeInput}
            id="copy-barcode"
            className="copy-barcode-input"
            autoComplete="off"
            value={barcode}
            onChange={(e) => setBarcode(e.target.value)}
            maxLength={64}
          />
          <VietnameseTextInput label={t('copy.locationLabel')} value={location} onValueChange={setLocation} maxLength={100} />
          <button type="button" className="button" disabled={!barcode.trim()} onClick={() => void add()}>
            {t('copy.add')}
          </button>
        </div>
      )}

      <CopyQueue
        staffToken={staffToken}
        queue={queue.value}
        onChanged={reload}
        onOpen={(opened) => {
          setLookup(opened);
          setPicked(opened.candidates.length === 1 ? opened.candidates[0] : undefined);
          setIsbn(opened.isbn);
          setMessage(undefined);
        }}
        onError={(error) => setMessage({ kind: 'error', text: explain.error(error) })}
      />
    </div>
  );
}

function LookupResult({ lookup, picked, onPick }: { lookup: CopyLookup; picked: CopyCandidate | undefined; onPick: (c: CopyCandidate) => void }) {
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  return (
    <section className="copy-result" aria-labelledby="copy-result-title">
      <h3 id="copy-result-title">{t('copy.resultTitle', { isbn: lookup.isbn })}</h3>
      <ul className="copy-sources">
        {lookup.sources.map((s) => (
          <li key={s.name} className={`copy-source ${s.outcome}`}>
            {/* i18n-keys: copy.outcome.* */}
            {t(`copy.outcome.${s.outcome}`, { name: s.name, count: s.hits, seconds: format.decimal(s.ms / 1000) })}
          </li>
        ))}
      </ul>
      {lookup.state === 'queued' && (
        <p className="banner warning" role="status">
          {t('copy.queued', { time: lookup.nextAttemptAt ? format.time(lookup.nextAttemptAt) : '—' })}
        </p>
      )}
      {lookup.state === 'none' && <p className="banner warning">{t('copy.none')}</p>}
      {lookup.existing && <p className="banner">{t('copy.existing', { title: lookup.existing.title, count: lookup.existing.copies })}</p>}
      {lookup.candidates.length > 0 && (
        <>
          <p>{t('copy.pickHint', { count: lookup.candidates.length })}</p>
          <ol className="copy-candidates">
            {lookup.candidates.map((c) => (
              <li key={c.index}>
                <button
                  type="button"
                  className={`copy-candidate${picked?.index === c.index ? ' picked' : ''}`}
                  aria-pressed={picked?.index === c.index}
                  onClick={() => onPick(c)}
                >
                  <strong className="copy-candidate-title">{c.title}</strong>
                  <span>{c.authors.join('; ') || t('copy.noAuthor')}</span>
                  <span>{[c.publisher, c.year, c.edition].filter(Boolean).join(' · ')}</span>
                  <span className="copy-candidate-source">
                    {c.alsoFrom.length ? t('copy.fromSeveral', { source: [c.source, ...c.alsoFrom].join(', ') }) : t('copy.from', { source: c.source })}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
