// Staff page "Lend despite a refusal": the staff member enters the card, the book and why; the
// loan and a staff.override event record who lent it and the reason.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/context';
import { VietnameseTextInput } from '../../../input/VietnameseTextInput';
import { formatDay } from '../../../../../common/calendar';
import { ProblemBanner } from '../parts';
import { describeProblem, type Problem } from '../problem';
import '../circulation.css';
import { Banner } from '../../../components/Banner';
import { FieldError } from '../../../components/FieldError';

export function OverridePage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('circulation');
  const [form, setForm] = useState({ card: '', item: '', reason: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [missing, setMissing] = useState<Partial<Record<keyof typeof form, string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The kiosk's own sentences next to the fields (the form is noValidate).
    const problems: Partial<Record<keyof typeof form, string>> = {};
    if (!form.card.trim()) problems.card = t('staff.form.required');
    if (!form.item.trim()) problems.item = t('staff.form.required');
    if (form.reason.trim().length < 5) problems.reason = t('staff.form.minLength', { count: 5 });
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      const loan = await api.call('circulation.override', { staffToken, card: form.card, item: form.item, reason: form.reason });
      setProblem(null);
      setNotice(t('staff.override.done', { title: loan.title, date: formatDay(loan.dueDate) }));
      setForm({ card: form.card, item: '', reason: form.reason });
    } catch (error) {
      setNotice(null);
      setProblem(describeProblem(error, t, i18n.language));
    }
  };
  const input = (name: keyof typeof form) => ({
    id: `override-${name}`,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    'aria-invalid': missing[name] ? true : undefined,
    'aria-describedby': missing[name] ? `override-${name}-error` : undefined,
  });

  return (
    <form className="circ" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('staff.override.intro')}</p>
      {problem && <ProblemBanner problem={problem} />}
      <Banner kind="success" text={notice} />
      <div className="circ-manual">
        <label htmlFor="override-card">{t('staff.override.card')}</label>
        <input {...input('card')} required autoComplete="off" />
        <FieldError id="override-card-error" text={missing.card ?? null} />
      </div>
      <div className="circ-manual">
        <label htmlFor="override-item">{t('staff.override.item')}</label>
        <input {...input('item')} required autoComplete="off" />
        <FieldError id="override-item-error" text={missing.item ?? null} />
      </div>
      <VietnameseTextInput
        className="circ-manual"
        id="override-reason"
        label={t('staff.override.reason')}
        hint={t('staff.override.reasonHint')}
        value={form.reason}
        onValueChange={(reason) => setForm({ ...form, reason })}
        required
        minLength={5}
        maxLength={200}
        style={{ textTransform: 'none' }}
        aria-invalid={missing.reason ? true : undefined}
        aria-describedby={missing.reason ? 'override-reason-error' : undefined}
      />
      <FieldError id="override-reason-error" text={missing.reason ?? null} />
      <div className="circ-actions">
        <button type="submit" className="button">
          {t('staff.override.submit')}
        </button>
      </div>
    </form>
  );
}
