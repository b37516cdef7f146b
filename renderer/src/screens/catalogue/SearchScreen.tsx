// Tra cứu sách: one large search box, results as the resident types (accents optional), each
// book's availability in plain words, a filter to books on the shelf, and Đặt trước for a book
// whose copies are all out.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchResponse } from '#contract/catalogue';
import { useApi } from '../../api/context';
import { ScreenFrame } from '../../components/ScreenFrame';
import { VietnameseTextInput } from '../../input/VietnameseTextInput';
import { Availability } from './Availability';
import { canReserve, HoldDialog } from './HoldDialog';
import { useDebounced } from '../../input/useDebounced';
import '../../styles/catalogue.css';

const PAGE = 20;

export function SearchScreen() {
  const api = useApi();
  const { t } = useTranslation('catalogue');
  const [query, setQuery] = useState('');
  const [availableOnly, setAvailableOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [response, setResponse] = useState<SearchResponse>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const settled = useDebounced(query, 220);
  const latest = useRef(0);
  const [holds, setHolds] = useState({ maxHolds: 0, holdPickupDays: 7 });
  const [reserving, setReserving] = useState<SearchHit>();
  // Bumped after a hold is placed, so the results show the new queue.
  const [revision, setRevision] = useState(0);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    api.call('circulation.settings', {}).then(
      ({ maxHolds, holdPickupDays }) => setHolds({ maxHolds, holdPickupDays }),
      () => undefined,
    );
  }, [api]);
  useEffect(() => setLimit(PAGE), [settled, availableOnly]);

  useEffect(() => {
    if (settled.trim() === '') {
      // A search still under way when the box was cleared must not bring its results back.
      latest.current++;
      setResponse(undefined);
      setBusy(false);
      return;
    }
    const ticket = ++latest.current;
    setBusy(true);
    api.call('catalogue.search', { query: settled, availableOnly, limit }).then(
      (value) => {
        if (ticket !== latest.current) return;
        setResponse(value);
        setFailed(false);
        setBusy(false);
      },
      () => {
        if (ticket !== latest.current) return;
        setFailed(true);
        setBusy(false);
      },
    );
  }, [api, settled, availableOnly, limit, revision]);

  const examples = t('search.examples', { returnObjects: true }) as string[];
  const tips = t('search.tips', { returnObjects: true }) as string[];
  const results = response?.results ?? [];
  const shownQuery = response?.query ?? settled;

  return (
    <ScreenFrame title={t('search.title')}>
      <form className="catalogue-search" role="search" onSubmit={(e) => e.preventDefault()} noValidate>
        <VietnameseTextInput
          id="catalogue-query"
          ref={input}
          type="search"
          label={t('search.label')}
          labelClassName="search-label"
          inputClassName="catalogue-search-input"
          value={query}
          placeholder={t('search.placeholder')}
          maxLength={200}
          aria-describedby="catalogue-hint"
          onValueChange={setQuery}
          onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
          actions={
            query && (
              <button type="button" className="button secondary clear" onClick={() => (setQuery(''), input.current?.focus())}>
                {t('search.clear')}
              </button>
            )
          }
        />
        <p id="catalogue-hint" className="search-hint">
          {t('search.hint')}
        </p>
        <button type="button" className={`button toggle${availableOnly ? ' on' : ''}`} aria-pressed={availableOnly} onClick={() => setAvailableOnly((v) => !v)}>
          <span className="toggle-box" aria-hidden="true">
            {availableOnly ? '✓' : ''}
          </span>
          {t('search.availableOnly')}
        </button>
      </form>

      <p className="search-status" role="status" aria-live="polite">
        {failed
          ? t('search.failed')
          : busy && !response
            ? t('search.searching')
            : response && results.length > 0
              ? response.more
                ? t('search.foundMany', { count: response.total })
                : t('search.found', { count: response.total })
              : ''}
      </p>

      {query.trim() === '' && (
        <div className="search-examples">
          <span>{t('search.examplesLabel')}</span>
          {examples.map((example) => (
            <button key={example} type="button" className="button secondary chip" onClick={() => setQuery(example)}>
              {example}
            </button>
          ))}
        </div>
      )}

      {response && results.length === 0 && settled.trim() !== '' && (
        <div className="no-results banner warning" data-testid="no-results" data-query={response.query}>
          <p>
            <strong>{availableOnly ? t('search.noAvailable', { query: shownQuery }) : t('search.noResults', { query: shownQuery })}</strong>
          </p>
          <ul>
            {tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
          {availableOnly && (
            <button type="button" className="button" onClick={() => setAvailableOnly(false)}>
              {t('search.showAll')}
            </button>
          )}
        </div>
      )}

      {results.length > 0 && (
        <ol className="search-results" aria-label={t('search.results')} data-query={response?.query}>
          {results.map((hit) => (
            <li key={hit.id} className="book" data-testid="search-result">
              <h2 className="book-title">{hit.title}</h2>
              <p className="book-meta">
                {hit.authors.length ? t('search.byAuthors', { authors: hit.authors.join(', ') }) : t('search.unknownAuthor')}
                {hit.publisher || hit.year ? ` · ${[hit.publisher, hit.year].filter(Boolean).join(', ')}` : ''}
              </p>
              {hit.callNumber && <p className="book-call">{t('search.callNumber', { callNumber: hit.callNumber })}</p>}
              {hit.isbn && <p className="book-call">{t('search.isbn', { isbn: hit.isbn })}</p>}
              {!hit.isbn && hit.invalidIsbn && (
                <p className="book-call" data-testid="invalid-isbn">
                  {t('search.invalidIsbn', { isbn: hit.invalidIsbn })}
                </p>
              )}
              {hit.items.some((i) => i.collection.kind === 'rotation') && <p className="book-rotation">{t('search.rotation')}</p>}
              <Availability hit={hit} />
              {holds.maxHolds > 0 && canReserve(hit) && (
                <button
                  type="button"
                  className="button secondary reserve"
                  onClick={() => setReserving(hit)}
                  aria-label={t('hold.reserveOne', { title: hit.title })}
                >
                  {t('hold.reserve')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}

      {response && results.length < response.total && (
        <button type="button" className="button secondary more" onClick={() => setLimit((n) => Math.min(100, n + PAGE))} disabled={limit >= 100}>
          {t('search.showMore')}
        </button>
      )}
      {reserving && (
        <HoldDialog
          hit={reserving}
          pickupDays={holds.holdPickupDays}
          onClose={() => {
            setReserving(undefined);
            setRevision((n) => n + 1);
          }}
        />
      )}
    </ScreenFrame>
  );
}
