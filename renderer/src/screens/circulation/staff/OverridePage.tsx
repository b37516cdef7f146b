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

export function OverridePage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('circulation');
  const [form, setForm] = useState({ card: '', item: '', reason: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
  const input = (name: keyof typeof form) => ({ id: `override-${name}`, value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }) });

  return (
    <form className="circ" onSubmit={(e) => void submit(e)}>
      <p>{t('staff.override.intro')}</p>
      {problem && <ProblemBanner problem={problem} />}
      <Banner kind="success" text={notice} />
      <div className="circ-manual">
        <label htmlFor="override-card">{t('staff.override.card')}</label>
        <input {...input('card')} required autoComplete="off" />
      </div>
      <div className="circ-manual">
        <label htmlFor="override-item">{t('staff.override.item')}</label>
        <input {...input('item')} required autoComplete="off" />
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
      />
      <div className="circ-actions">
        <button type="submit" className="button">
          {t('staff.override.submit')}
        </button>
      </div>
    </form>
  );
}
