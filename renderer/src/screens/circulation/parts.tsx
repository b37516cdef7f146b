// Small pieces of the circulation screens: manual entry, a refusal banner, the idle countdown,
// a list of loans with due dates (overdue ones highlighted), and the resident's holds.
import { FieldError } from '../../components/FieldError';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinResult, HoldView, LoanView } from '#contract/circulation';
import type { Problem } from './problem';
import { formatDay } from '../../../../common/calendar';
import { useReveal } from '../../components/useReveal';

export function ManualEntry({
  id,
  label,
  hint,
  submitLabel,
  onSubmit,
}: {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  onSubmit: (value: string) => void;
}) {
  const { t } = useTranslation('common');
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    // The kiosk's own sentence next to the box, never the browser's "Please fill out this field".
    setEmpty(!trimmed);
    if (!trimmed) return;
    onSubmit(trimmed);
    setValue('');
  };
  return (
    <form className="circ-manual" onSubmit={submit} noValidate>
      <label htmlFor={id}>{label}</label>
      <div className="circ-manual-row">
        <input
          id={id}
          value={value}
          onChange={(e) => (setValue(e.target.value), setEmpty(false))}
          autoComplete="off"
          spellCheck={false}
          inputMode="text"
          aria-invalid={empty || undefined}
          aria-describedby={empty ? `${id}-error ${id}-hint` : `${id}-hint`}
        />
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
      <FieldError id={`${id}-error`} text={empty ? t('form.empty', { action: submitLabel }) : null} />
      <small id={`${id}-hint`}>{hint}</small>
    </form>
  );
}

export function ProblemBanner({ problem, onReturnFirst }: { problem: Problem; onReturnFirst?: (() => void) | undefined }) {
  const { t } = useTranslation('circulation');
  const ref = useReveal<HTMLDivElement>(problem);
  return (
    <div ref={ref} className="banner error circ-problem" role="alert" data-reason={problem.reason}>
      <strong>{problem.headline}</strong>
      <p>{problem.detail}</p>
      {onReturnFirst && (
        <button type="button" className="button" onClick={onReturnFirst}>
          {t('borrow.returnFirst')}
        </button>
      )}
    </div>
  );
}

export function LoanList({ loans, onRenew, busy }: { loans: LoanView[]; onRenew?: ((loan: LoanView) => void) | undefined; busy?: boolean }) {
  const { t } = useTranslation('circulation');
  if (loans.length === 0) return <p className="circ-empty">{t('loans.none')}</p>;
  return (
    <ul className="circ-list" aria-label={t('loans.title')}>
      {loans.map((loan) => (
        <li key={loan.loanId} className={loan.overdueDays > 0 ? 'overdue' : undefined} data-item={loan.item}>
          <span className="circ-title">{loan.title}</span>
          <span className="circ-barcode">{loan.item}</span>
          <span className="circ-due">
            {loan.overdueDays > 0
              ? t('loans.overdue', { date: formatDay(loan.dueDate), count: loan.overdueDays })
              : t('loans.due', { date: formatDay(loan.dueDate) })}
          </span>
          {onRenew && (
            <button
              type="button"
              className="button secondary"
              disabled={busy || loan.renewalsLeft === 0}
              onClick={() => onRenew(loan)}
              aria-label={t('loans.renewOne', { title: loan.title, item: loan.item })}
            >
              {loan.renewalsLeft === 0 ? t('loans.noRenewals') : t('loans.renew')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Cancels a hold after asking once more (the place in the queue cannot be given back). */
export function CancelHoldButton({ label, onConfirm, busy }: { label: string; onConfirm: () => void; busy?: boolean | undefined }) {
  const { t } = useTranslation('circulation');
  const [asking, setAsking] = useState(false);
  return asking ? (
    <span className="circ-confirm">
      <button type="button" className="button danger" disabled={busy} onClick={() => (setAsking(false), onConfirm())}>
        {t('holds.confirmCancel')}
      </button>
      <button type="button" className="button quiet" onClick={() => setAsking(false)}>
        {t('holds.keep')}
      </button>
    </span>
  ) : (
    <button type="button" className="button secondary" disabled={busy} onClick={() => setAsking(true)} aria-label={label}>
      {t('holds.cancel')}
    </button>
  );
}

/** The resident's holds: ready ones say where to pick the book up and until when. */
export function HoldList({ holds, onCancel, busy }: { holds: HoldView[]; onCancel: (hold: HoldView) => void; busy?: boolean }) {
  const { t } = useTranslation('circulation');
  if (holds.length === 0) return <p className="circ-empty">{t('holds.none')}</p>;
  return (
    <ul className="circ-list" aria-label={t('holds.title')}>
      {holds.map((hold) => (
        <li key={hold.holdId} className={hold.status === 'ready' ? 'hold-ready' : undefined} data-hold={hold.holdId}>
          <span className="circ-title">{hold.title}</span>
          <span className="circ-due">
            {hold.status === 'ready' && hold.readyUntil
              ? t('holds.ready', { date: formatDay(hold.readyUntil) })
              : t('holds.waiting', { position: hold.position })}
          </span>
          <CancelHoldButton label={t('holds.cancelOne', { title: hold.title })} onConfirm={() => onCancel(hold)} busy={busy} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Across the whole return screen when a returned book is reserved for someone: the small note at
 * the end of its row was missed, and the book went back on the open shelf (issue #21).
 */
export function ReservedNotice({ returns }: { returns: readonly CheckinResult[] }) {
  const { t } = useTranslation('circulation');
  const reserved = returns.filter((r) => r.flag === 'reserved');
  if (reserved.length === 0) return null;
  return (
    <div className="circ-reserved-notice" role="alert">
      <p className="circ-reserved-what">{reserved.length === 1 ? t('return.reservedNotice') : t('return.reservedNoticeMany', { count: reserved.length })}</p>
      <ul>
        {reserved.map((r) => (
          <li key={r.item}>
            {r.title} <span className="circ-barcode">{r.item}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
