// One resident at the staff desk (Bạn đọc và thẻ → Hồ sơ): everything the kiosk holds about them,
// to show and print (Decree 13/2023, right of access); their PIN set or reset; their details
// corrected; their card reissued, recategorised or merged with a duplicate (CardCareForms); and their
// record erased on request, with a receipt to print for them.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureReceipt, PatronRecord } from '#contract/rights';
import { useApi } from '../../../api/context';
import { Banner } from '../../../components/Banner';
import { ProblemBanner } from '../parts';
import { describeProblem, type Problem } from '../problem';
import { RecordView } from '../RecordView';
import { ErasureReceiptView } from './ErasureReceiptView';
import { CardCareForms } from './CardCareForms';
import { DeskSection } from './DeskSection';
import { ResidentFields, residentProblems, residentValues, type ResidentForm, type ResidentProblems } from './ResidentFields';

const REASONS = ['resident_request', 'moved_away', 'deceased', 'duplicate'] as const;
type Reason = (typeof REASONS)[number];

export function PatronRecordPanel({
  staffToken,
  card: openedCard,
  libraryName,
  onClose,
}: {
  staffToken: string;
  card: string;
  libraryName: string;
  onClose: () => void;
}) {
  const api = useApi();
  // A reissued card lives under its new number from then on.
  const [card, setCard] = useState(openedCard);
  const { t, i18n } = useTranslation('circulation');
  const [record, setRecord] = useState<PatronRecord>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ErasureReceipt>();

  const fail = useCallback(
    (error: unknown) => {
      setNotice(null);
      setProblem(describeProblem(error, t, i18n.language));
    },
    [t, i18n.language],
  );

  const load = useCallback(() => api.call('rights.record', { staffToken, card }).then(setRecord, fail), [api, staffToken, card, fail]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (text: string) => {
    setProblem(null);
    setNotice(text);
    void load();
  };
  // The card now has another number: the record reloads under it (the effect above).
  const renamed = (text: string, next: string) => {
    setProblem(null);
    setNotice(text);
    setCard(next);
  };

  if (receipt) {
    return (
      <div className="circ">
        <p role="status" className="banner success">
          {t('staff.record.erasedTitle')}
        </p>
        <ErasureReceiptView receipt={receipt} />
        <div className="circ-actions">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('staff.record.printReceipt')}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
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
      {!record ? (
        <p role="status">{t('staff.loading')}</p>
      ) : (
        <>
          <RecordView record={record} libraryName={libraryName} />
          <div className="circ-actions">
            <button type="button" className="button secondary" onClick={() => window.print()}>
              {t('staff.record.print')}
            </button>
            <button type="button" className="button secondary" onClick={onClose}>
              {t('staff.patrons.close')}
            </button>
          </div>
          <PinForm staffToken={staffToken} record={record} onDone={done} onError={fail} />
          <CorrectForm staffToken={staffToken} record={record} onDone={done} onError={fail} />
          <CardCareForms staffToken={staffToken} record={record} onDone={(text, next) => (next === card ? done(text) : renamed(text, next))} onError={fail} />
          <EraseForm
            staffToken={staffToken}
            record={record}
            onErased={(r) => {
              setProblem(null);
              setReceipt(r);
            }}
            onError={fail}
          />
        </>
      )}
    </div>
  );
}

type FormProps = { staffToken: string; record: PatronRecord; onDone: (text: string) => void; onError: (error: unknown) => void };

function PinForm({ staffToken, record, onDone, onError }: FormProps) {
  const api = useApi();
  const { t } = useTranslation('circulation');
  const [pin, setPin] = useState('');
  const set = async (value: string | null) => {
    try {
      await api.call('patrons.setPin', { staffToken, card: record.cardNumber, pin: value });
      setPin('');
      onDone(value === null ? t('staff.record.pinRemoved', { card: record.cardNumber }) : t('staff.record.pinSet', { card: record.cardNumber }));
    } catch (error) {
      onError(error);
    }
  };
  return (
    <form
      className="circ-patron circ-add"
      aria-labelledby="pin-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void set(pin);
      }}
      noValidate
    >
      <h3 id="pin-form-title">{t('staff.record.pinTitle')}</h3>
      <p>{record.hasPin ? t('staff.record.pinHas') : t('staff.record.pinNone')}</p>
      <div className="circ-manual">
        <label htmlFor="staff-resident-pin">{t('staff.record.pinLabel')}</label>
        <div className="circ-manual-row">
          <input
            id="staff-resident-pin"
            className="circ-pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 6))}
            aria-describedby="staff-resident-pin-hint"
          />
          <button type="submit" className="button" disabled={!/^\d{4,6}$/.test(pin)}>
            {record.hasPin ? t('staff.record.pinReset') : t('staff.record.pinSetButton')}
          </button>
        </div>
        <small id="staff-resident-pin-hint">{t('staff.record.pinHint')}</small>
      </div>
      {record.hasPin && (
        <div className="circ-actions">
          <button type="button" className="button secondary" onClick={() => void set(null)}>
            {t('staff.record.pinRemove')}
          </button>
        </div>
      )}
    </form>
  );
}

function CorrectForm({ staffToken, record, onDone, onError }: FormProps) {
  const api = useApi();
  const { t } = useTranslation('circulation');
  const initial = (): ResidentForm => ({
    fullName: record.fullName ?? '',
    birthYear: record.birthYear === null ? '' : String(record.birthYear),
    gender: record.gender ?? '',
    village: record.village ?? '',
    phone: record.phone ?? '',
  });
  const [form, setForm] = useState(initial);
  // A reloaded record (after a save) refills the form with what is stored now.
  const [shownRecord, setShownRecord] = useState(record);
  if (shownRecord !== record) {
    setShownRecord(record);
    setForm(initial());
  }
  const [problems, setProblems] = useState<ResidentProblems>({});
  const save = async () => {
    const found = residentProblems(form, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      await api.call('rights.correct', { staffToken, card: record.cardNumber, changes: residentValues(form) });
      onDone(t('staff.record.corrected', { card: record.cardNumber }));
    } catch (error) {
      onError(error);
    }
  };
  return (
    <form
      className="circ-patron circ-add"
      aria-labelledby="correct-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <h3 id="correct-title">{t('staff.record.correctTitle')}</h3>
      <ResidentFields idPrefix="correct" form={form} onChange={setForm} problems={problems} />
      <div className="circ-actions">
        <button type="submit" className="button">
          {t('staff.record.save')}
        </button>
      </div>
    </form>
  );
}

function EraseForm({
  staffToken,
  record,
  onErased,
  onError,
}: {
  staffToken: string;
  record: PatronRecord;
  onErased: (r: ErasureReceipt) => void;
  onError: (e: unknown) => void;
}) {
  const api = useApi();
  const { t } = useTranslation('circulation');
  const [reason, setReason] = useState<Reason>('resident_request');
  const erase = async () => {
    try {
      onErased(await api.call('rights.erase', { staffToken, card: record.cardNumber, reason }));
    } catch (error) {
      onError(error);
    }
  };
  return (
    <DeskSection
      id="erase"
      title={t('staff.record.eraseTitle')}
      explain={t('staff.record.eraseExplain')}
      action={t('staff.record.erase')}
      confirm={t('staff.record.eraseConfirm', { card: record.cardNumber })}
      yes={t('staff.record.eraseYes')}
      no={t('staff.record.eraseNo')}
      run={erase}
    >
      <div className="circ-manual">
        <label htmlFor="erase-reason">{t('staff.record.eraseReason')}</label>
        <select id="erase-reason" value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`staff.record.reasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
    </DeskSection>
  );
}
