// The Thư viện số home: search box (tone marks optional), topic tiles, format and audience filters,
// featured items, and the results grid. No sign-in needed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrowseResponse, EresourceAudience, EresourceFormat } from '#contract/eresources';
import { useApi } from '../../api/context';
import { useLoad } from '../../api/useLoad';
import { useDebounced } from '../../input/useDebounced';
import { ScreenFrame } from '../../components/ScreenFrame';
import { VietnameseTextInput } from '../../input/VietnameseTextInput';
import { navigateSub } from '../../router';
import { ResourceCard } from './ResourceCard';

const FORMATS: EresourceFormat[] = ['pdf', 'epub', 'audio', 'video', 'image', 'html', 'link'];
const AUDIENCES: EresourceAudience[] = ['child', 'youth', 'adult', 'senior'];

export function Browse() {
  const api = useApi();
  const { t } = useTranslation('eresources');
  const [query, setQuery] = useState('');
  const [topic, setTopic] = useState<string>();
  const [format, setFormat] = useState<EresourceFormat>();
  const [audience, setAudience] = useState<EresourceAudience>();
  // Typing stays responsive: the search runs once the resident pauses; a tile or filter applies at once.
  const settledQuery = useDebounced(query, 200);
  const loaded = useLoad<BrowseResponse>(
    () => api.call('eresources.browse', { query: settledQuery, ...(topic ? { topic } : {}), ...(format ? { format } : {}), ...(audience ? { audience } : {}) }),
    [api, settledQuery, topic, format, audience],
  );
  const data = loaded.value;
  const failed = loaded.error !== undefined;

  const open = (id: number) => navigateSub('digital-library', `r-${id}`);
  const filtering = query.trim() !== '' || topic !== undefined || format !== undefined || audience !== undefined;

  return (
    <ScreenFrame title={t('title')}>
      <VietnameseTextInput
        id="library-query"
        type="search"
        label={t('search.label')}
        labelClassName="visually-hidden"
        inputClassName="library-search-input"
        placeholder={t('search.placeholder')}
        value={query}
        onValueChange={setQuery}
        actions={
          filtering && (
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setQuery('');
                setTopic(undefined);
                setFormat(undefined);
                setAudience(undefined);
              }}
            >
              {t('search.clear')}
            </button>
          )
        }
      />
      <p className="hint">{t('search.hint')}</p>

      <section aria-labelledby="topics-title">
        <h2 id="topics-title">{t('topics.title')}</h2>
        <div className="topic-grid">
          {data?.topics.map((tp) => (
            <button
              key={tp.name}
              type="button"
              className={`topic-tile${topic === tp.name ? ' selected' : ''}`}
              aria-pressed={topic === tp.name}
              onClick={() => setTopic(topic === tp.name ? undefined : tp.name)}
            >
              <span className="name">{tp.name}</span>
              <span className="count">{t('topics.count', { count: tp.count })}</span>
            </button>
          ))}
        </div>
      </section>

      <div className="filters">
        <div role="group" aria-label={t('filters.format')} className="chips">
          <span className="chips-label">{t('filters.format')}</span>
          {FORMATS.map((f) => (
            <button
              key={f}
              type="button"
              className={`chip${format === f ? ' selected' : ''}`}
              aria-pressed={format === f}
              onClick={() => setFormat(format === f ? undefined : f)}
            >
              {t(`formats.${f}`)}
            </button>
          ))}
        </div>
        <div role="group" aria-label={t('filters.audience')} className="chips">
          <span className="chips-label">{t('filters.audience')}</span>
          {AUDIENCES.map((a) => (
            <button
              key={a}
              type="button"
              className={`chip${audience === a ? ' selected' : ''}`}
              aria-pressed={audience === a}
              onClick={() => setAudience(audience === a ? undefined : a)}
            >
              {t(`audiences.${a}`)}
            </button>
          ))}
        </div>
      </div>

      {failed && (
        <p className="banner error" role="alert">
          {t('errors.browseFailed')}
        </p>
      )}

      {!filtering && data && data.featured.length > 0 && (
        <section aria-labelledby="featured-title">
          <h2 id="featured-title">{t('featured')}</h2>
          <div className="resource-grid">
            {data.featured.map((r) => (
              <ResourceCard key={r.id} resource={r} onOpen={open} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="results-title">
        <h2 id="results-title">{filtering ? t('results.found', { count: data?.total ?? 0 }) : t('results.all')}</h2>
        {data && data.results.length === 0 && <p className="banner">{t('results.none')}</p>}
        <div className="resource-grid" data-testid="results">
          {data?.results.map((r) => (
            <ResourceCard key={r.id} resource={r} onOpen={open} />
          ))}
        </div>
      </section>
    </ScreenFrame>
  );
}
