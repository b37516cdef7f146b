// Staff page "Readers and cards": approve self-registrations, block and unblock cards, renew a card
// (with the reason typed in the same box), issue a new card (with the resident's PIN and consent),
// show a card ready to print, open a resident's record (see, print, PIN, correct, erase), and
// anonymise the residents the retention rule has made due.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/FieldError';
import type { PatronSummary } from '#contract/patrons';
import type { SystemInfo } from '#contract/system';
import { useApi } from '../../../api/context';
import { VietnameseTextInput } from '../../../input/VietnameseTextInput';
import { LibraryCard } from '../LibraryCard';
import { ProblemBanner } from '../parts';
import { describeProblem, type Problem } from '../problem';
import { formatDay } from '../../../../../common/calendar';
import '../circulation.css';
import { Banner } from '../../../components/Banner';
import { PatronRecordPanel } from './PatronRecordPanel';
import { RetentionPanel } from './RetentionPanel';
import { EMPTY_RESIDENT, ResidentFields, residentProblems, residentValues, type ResidentForm, type ResidentProblems } from './ResidentFields';

type Filter = 'pending' | 'all' | 'blocked';
type Category = { id: string; name: string; pin: 'off' | 'optional' | 'required' };

export function PatronsPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('circulation');
  const [filter, setFilter] = useState<Filter>('pending');
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [reloads, setReloads] = useState(0);
  const [blockReason, setBlockReason] = useState('');
  const [patrons, setPatrons] = useState<PatronSummary[]>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shown, setShown] = useState<PatronSummary | null>(null);
  const [info, setInfo] = useState<SystemInfo>();
  const [categories, setCategories] = useState<Category[]>([]);
  const [recordCard, setRecordCard] = useState<string | null>(null);

  const fail = useCallback(
    (error: unknown) => {
      setNotice(null);
      setProblem(describeProblem(error, t, i18n.language));
    },
    [t, i18n.language],
  );

  // Typing a search waits for "Tìm"; the list reloads when the filter, the search or a change asks.
  useEffect(() => {
    let cancelled = false;
    api.call('patrons.list', { staffToken, ...(filter === 'all' ? {} : { status: filter }), ...(searched ? { query: searched } : {}) }).then(
      (list) => !cancelled && setPatrons(list),
      (error: unknown) => !cancelled && fail(error),
    );
    return () => {
      cancelled = true;
    };
  }, [api, staffToken, filter, searched, reloads, fail]);

  useEffect(() => {
    api.call('system.info', {}).then(setInfo, () => undefined);
    api.call('patrons.categories', {}).then(setCategories, () => undefined);
  }, [api]);

  const setStatus = async (patron: PatronSummary, status: 'active' | 'blocked') => {
    const reason = status === 'blocked' ? blockReason.trim() : '';
    try {
      const updated = await api.call('patrons.setStatus', { staffToken, card: patron.cardNumber, status, ...(reason ? { reason } : {}) });
      setProblem(null);
      setNotice(t('staff.patrons.done', { card: updated.cardNumber, status: t(`staff.patrons.status.${updated.status}`) }));
      setBlockReason('');
      setReloads((n) => n + 1);
    } catch (error) {
      fail(error);
    }
  };

  /** Extends the card by the card period; the reason box says why (recorded with who did it). */
  const renew = async (patron: PatronSummary) => {
    try {
      const updated = await api.call('patrons.renewCard', { staffToken, card: patron.cardNumber, reason: blockReason.trim() });
      setProblem(null);
      setNotice(t('staff.patrons.renewed', { card: updated.cardNumber, date: formatDay(updated.cardExpiry) }));
      setBlockReason('');
      setReloads((n) => n + 1);
    } catch (error) {
      fail(error);
    }
  };

  if (recordCard && info) {
    return (
      <PatronRecordPanel
        staffToken={staffToken}
        card={recordCard}
        libraryName={info.libraryName}
        onClose={() => {
          setRecordCard(null);
          setReloads((n) => n + 1);
        }}
      />
    );
  }

  if (shown && info) {
    return (
      <div className="circ">
        <LibraryCard patron={shown} name={shown.fullName} libraryName={info.libraryName} />
        <div className="circ-actions">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('staff.patrons.print')}
          </button>
          <button type="button" className="button secondary" onClick={() => setShown(null)}>
            {t('staff.patrons.close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="circ">
      {problem && <ProblemBanner problem={problem} />}
      <Banner kind="success" text={notice} />
      <RetentionPanel
        staffToken={staffToken}
        reloads={reloads}
        onApplied={(count) => {
          setProblem(null);
          setNotice(t('staff.retention.done', { count }));
          setReloads((n) => n + 1);
        }}
        onKept={(card, until) => {
          setProblem(null);
          setNotice(until ? t('staff.retention.kept', { card, date: formatDay(until) }) : t('staff.retention.keptNoRule', { card }));
          setReloads((n) => n + 1);
        }}
        onError={fail}
      />
      <div className="circ-actions" role="group" aria-label={t('staff.patrons.filter')}>
        {(['pending', 'all', 'blocked'] as const).map((f) => (
          <button key={f} type="button" className={f === filter ? 'button' : 'button secondary'} aria-pressed={f === filter} onClick={() => setFilter(f)}>
            {t(`staff.patrons.filters.${f}`)}
          </button>
        ))}
      </div>
      <form
        className="circ-manual"
        onSubmit={(e) => {
          e.preventDefault();
          setSearched(query.trim());
        }}
        noValidate
      >
        <label htmlFor="patron-search">{t('staff.patrons.search')}</label>
        <div className="circ-manual-row">
          <input id="patron-search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" style={{ textTransform: 'none' }} />
          <button type="submit" className="button">
            {t('staff.patrons.searchSubmit')}
          </button>
        </div>
      </form>
      <VietnameseTextInput
        className="circ-manual"
        id="block-reason"
        label={t('staff.patrons.blockReason')}
        value={blockReason}
        onValueChange={setBlockReason}
        maxLength={200}
        style={{ textTransform: 'none' }}
      />
      {!patrons ? (
        <p role="status">{t('staff.loading')}</p>
      ) : patrons.length === 0 ? (
        <p className="circ-empty">{t('staff.patrons.none')}</p>
      ) : (
        <table className="staff-table">
          <thead>
            <tr>
              <th>{t('staff.patrons.columns.card')}</th>
              <th>{t('staff.patrons.columns.name')}</th>
              <th>{t('staff.patrons.columns.category')}</th>
              <th>{t('staff.patrons.columns.status')}</th>
              <th>{t('staff.patrons.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {patrons.map((p) => (
              <tr key={p.cardNumber} data-card={p.cardNumber}>
                <td>{p.cardNumber}</td>
                <td>{p.fullName}</td>
                <td>{p.categoryName}</td>
                <td>{p.expired && p.status === 'active' ? t('staff.patrons.status.expired') : t(`staff.patrons.status.${p.status}`)}</td>
                <td className="circ-actions">
                  {p.status === 'pending' && (
                    <button type="button" className="button" onClick={() => void setStatus(p, 'active')}>
                      {t('staff.patrons.approve')}
                    </button>
                  )}
                  {p.status === 'blocked' ? (
                    <button type="button" className="button secondary" onClick={() => void setStatus(p, 'active')}>
                      {t('staff.patrons.unblock')}
                    </button>
                  ) : (
                    <button type="button" className="button secondary" onClick={() => void setStatus(p, 'blocked')}>
                      {t('staff.patrons.block')}
                    </button>
                  )}
                  {p.status !== 'pending' && (
                    <button type="button" className={p.expired ? 'button' : 'button secondary'} onClick={() => void renew(p)}>
                      {t('staff.patrons.renew')}
                    </button>
                  )}
                  <button type="button" className="button secondary" onClick={() => setShown(p)}>
                    {t('staff.patrons.showCard')}
                  </button>
                  <button type="button" className="button secondary" onClick={() => setRecordCard(p.cardNumber)}>
                    {t('staff.patrons.record')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddPatron
        staffToken={staffToken}
        categories={categories}
        onAdded={(patron) => {
          setProblem(null);
          setNotice(t('staff.patrons.added', { card: patron.cardNumber, name: patron.fullName }));
          setShown(patron);
        }}
        onError={fail}
      />
    </div>
  );
}

function AddPatron({
  staffToken,
  categories,
  onAdded,
  onError,
}: {
  staffToken: string;
  categories: Category[];
  onAdded: (p: PatronSummary) => void;
  onError: (e: unknown) => void;
}) {
  const api = useApi();
  const { t } = useTranslation('circulation');
  const [resident, setResident] = useState<ResidentForm>(EMPTY_RESIDENT);
  const [form, setForm] = useState({ category: '', pin: '' });
  const [consent, setConsent] = useState(false);
  const category = categories.find((c) => c.id === form.category) ?? categories[0];
  const [missing, setMissing] = useState<ResidentProblems & Partial<Record<'pin' | 'consent', string>>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The kiosk's own sentences next to the fields (the form is noValidate).
    const problems: typeof missing = residentProblems(resident, t);
    if ((category?.pin === 'required' || form.pin) && !/^\d{4,6}$/.test(form.pin)) problems.pin = t('staff.form.pin');
    if (!consent) problems.consent = t('staff.form.consent');
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      const patron = await api.call('patrons.add', {
        staffToken,
        ...residentValues(resident),
        category: form.category || categories[0]?.id || 'adult',
        consent,
        ...(form.pin ? { pin: form.pin } : {}),
      });
      setResident(EMPTY_RESIDENT);
      setForm({ category: '', pin: '' });
      setConsent(false);
      setMissing({});
      onAdded(patron);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <form className="circ-patron circ-add" onSubmit={(e) => void submit(e)} aria-labelledby="add-patron-title" noValidate>
      <h3 id="add-patron-title">{t('staff.patrons.addTitle')}</h3>
      <ResidentFields
        idPrefix="add"
        form={resident}
        onChange={setResident}
        problems={missing}
        afterGender={
          <div className="circ-manual">
            <label htmlFor="add-category">{t('staff.patrons.category')}</label>
            <select id="add-category" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        }
      />
      {category && category.pin !== 'off' && (
        <div className="circ-manual">
          <label htmlFor="add-pin">{t(category.pin === 'required' ? 'staff.patrons.pinRequired' : 'staff.patrons.pin')}</label>
          <input
            id="add-pin"
            className="circ-pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={form.pin}
            required={category.pin === 'required'}
            onChange={(e) => setForm({ ...form, pin: e.target.value.replace(/\D/g, '').slice(0, 6) })}
            aria-invalid={missing.pin ? true : undefined}
            aria-describedby={missing.pin ? 'add-pin-error add-pin-hint' : 'add-pin-hint'}
          />
          <FieldError id="add-pin-error" text={missing.pin ?? null} />
          <small id="add-pin-hint">{t('staff.patrons.pinHint')}</small>
        </div>
      )}
      <label className="circ-consent-check">
        <input
          type="checkbox"
          checked={consent}
          required
          onChange={(e) => setConsent(e.target.checked)}
          aria-invalid={missing.consent ? true : undefined}
          aria-describedby={missing.consent ? 'add-consent-error' : undefined}
        />
        <span>{t('staff.patrons.consent')}</span>
      </label>
      <FieldError id="add-consent-error" text={missing.consent ?? null} />
      <div className="circ-actions">
        <button type="submit" className="button">
          {t('staff.patrons.add')}
        </button>
      </div>
    </form>
  );
}
