// One resident at the staff desk (Bạn đọc và thẻ → Hồ sơ): everything the kiosk holds about them,
// to show and print (Decree 13/2023, right of access); their PIN set or reset; their details
// corrected; their card reissued, recategorised or merged with a duplicate (CardCareForms); and their
// record erased on request, with a receipt to print for them.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/FieldError';
import type { ErasureReceipt, PatronRecord } from '#contract/rights';
import { useApi } from '../../../api/context';
import { Banner } from '../../../components/Banner';
import { VietnameseTextInput } from '../../../input/VietnameseTextInput';
import { ProblemBanner } from '../parts';
import { describeProblem, type Problem } from '../problem';
import { RecordView } from '../RecordView';
import { ErasureReceiptView } from './ErasureReceiptView';
import { CardCareForms } from './CardCareForms';
import { DeskSection } from './DeskSection';

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
  const initial = () => ({
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
  const [missing, setMissing] = useState<Partial<Record<'fullName' | 'birthYear', string>>>({});
  const save = async () => {
    // The kiosk's own sentences next to the fields (the form is noValidate).
    const problems: typeof missing = {};
    if (form.fullName.trim().length < 2) problems.fullName = t('staff.form.minLength', { count: 2 });
    if (form.birthYear.trim() && !/^\d{4}$/.test(form.birthYear.trim())) problems.birthYear = t('staff.form.year');
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      const gender = form.gender === 'male' || form.gender === 'female' || form.gender === 'other' ? form.gender : null;
      await api.call('rights.correct', {
        staffToken,
        card: record.cardNumber,
        changes: {
          fullName: form.fullName,
          birthYear: form.birthYear.trim() ? Number(form.birthYear) : null,
          gender,
          village: form.village.trim() || null,
          phone: form.phone.trim() || null,
        },
      });
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
      <VietnameseTextInput
        className="circ-manual"
        id="correct-fullName"
        label={t('staff.patrons.fullName')}
        value={form.fullName}
        onValueChange={(fullName) => setForm({ ...form, fullName })}
        required
        minLength={2}
        maxLength={100}
        style={{ textTransform: 'none' }}
        aria-invalid={missing.fullName ? true : undefined}
        aria-describedby={missing.fullName ? 'correct-fullName-error' : undefined}
      />
      <FieldError id="correct-fullName-error" text={missing.fullName ?? null} />
      <div className="circ-manual">
        <label htmlFor="correct-birthYear">{t('staff.patrons.birthYear')}</label>
        <input
          id="correct-birthYear"
          value={form.birthYear}
          inputMode="numeric"
          onChange={(e) => setForm({ ...form, birthYear: e.target.value })}
          aria-invalid={missing.birthYear ? true : undefined}
          aria-describedby={missing.birthYear ? 'correct-birthYear-error' : undefined}
        />
        <FieldError id="correct-birthYear-error" text={missing.birthYear ?? null} />
      </div>
      <div className="circ-manual">
        <label htmlFor="correct-gender">{t('staff.patrons.gender')}</label>
        <select id="correct-gender" value={form.gender} onChange={(e) => setForm({ ...form, gender: e.target.value })}>
          <option value="">{t('staff.patrons.genderUnknown')}</option>
          <option value="female">{t('gender.female')}</option>
          <option value="male">{t('gender.male')}</option>
          <option value="other">{t('gender.other')}</option>
        </select>
      </div>
      <VietnameseTextInput
        className="circ-manual"
        id="correct-village"
        label={t('staff.patrons.village')}
        value={form.village}
        onValueChange={(village) => setForm({ ...form, village })}
        maxLength={100}
        style={{ textTransform: 'none' }}
      />
      <div className="circ-manual">
        <label htmlFor="correct-phone">{t('staff.patrons.phone')}</label>
        <input id="correct-phone" value={form.phone} inputMode="tel" onChange={(e) => setForm({ ...form, phone: e.target.value })} />
      </div>
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
