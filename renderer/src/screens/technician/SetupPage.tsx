// Technician page "Cấu hình kiosk lần đầu": turns a demo kiosk into this commune's kiosk (library,
// commune code, language, opening hours, first technician and staff accounts), then says what the
// next restart will do. Only a demo kiosk accepts it; a configured one explains how to change settings.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '#contract/system';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { useLoad } from '../../api/useLoad';
import { DEFAULT_PIN_MIN_LENGTH, emptySetupForm, SETUP_WEEKDAYS, validateSetupForm, type SetupField, type SetupForm, type SetupProblem } from './setup-form';
import '../../styles/technician-setup.css';
import { Banner } from '../../components/Banner';

type TextField = Exclude<keyof SetupForm, 'hours' | 'language'>;

export function SetupPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('technician');
  const [form, setForm] = useState<SetupForm>(emptySetupForm);
  const [problems, setProblems] = useState<SetupProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [staged, setStaged] = useState<{ configFile: string; libraryName: string }>();

  const loaded = useLoad(() => api.call('system.info', {}), [api]);
  const info: SystemInfo | undefined = loaded.value;

  if (staged) {
    return (
      <section className="setup-done" aria-labelledby="setup-done-title">
        <h2 id="setup-done-title">{t('setup.done.title')}</h2>
        <p role="status" className="banner success">
          {t('setup.done.saved', { library: staged.libraryName })}
        </p>
        <p>{t('setup.done.restartIntro')}</p>
        <ol>
          <li>{t('setup.done.stepArchive')}</li>
          <li>{t('setup.done.stepConfig', { file: staged.configFile })}</li>
          <li>{t('setup.done.stepAccounts')}</li>
          <li>{t('setup.done.stepIdentity')}</li>
        </ol>
        <p className="banner warning">{t('setup.done.restartNow')}</p>
      </section>
    );
  }
  if (loaded.error !== undefined && !info)
    return (
      <p className="banner error" role="alert">
        {t('errors.unavailable')}
      </p>
    );
  if (!info) return <p role="status">{t('setup.loading')}</p>;
  if (info.mode !== 'demo')
    return (
      <p className="banner warning" role="status">
        {t('setup.alreadyConfigured')}
      </p>
    );

  const problemFor = (field: SetupField) => problems.find((problem) => problem.field === field);
  const set = (field: TextField) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  const input = (field: TextField, options: { pin?: boolean; hint?: string; inputMode?: 'numeric' } = {}) => {
    const problem = problemFor(field);
    const id = `setup-${field}`;
    return (
      <div className="field">
        <label htmlFor={id}>{t(`setup.fields.${field}`)}</label>
        <input
          id={id}
          value={form[field]}
          onChange={(event) => set(field)(event.target.value)}
          type={options.pin ? 'password' : 'text'}
          inputMode={options.pin || options.inputMode ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        {options.hint && !problem && <small>{options.hint}</small>}
        {problem && (
          <small id={`${id}-problem`} className="field-problem">
            {t(problem.key, { min: DEFAULT_PIN_MIN_LENGTH })}
          </small>
        )}
      </div>
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const checked = validateSetupForm(form);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      const result = await api.call('technician.setup', { staffToken, ...checked.request });
      setStaged({ configFile: result.configFile, libraryName: checked.request.libraryName });
    } catch (error) {
      setFailure(apiErrorText(t, error, 'errors.unavailable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="setup-form" onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('setup.intro')}</p>
      {problems.length > 0 && (
        <p className="banner error" role="alert">
          {t('setup.problems.summary', { count: problems.length })}
        </p>
      )}
      <Banner kind="error" text={failure} />
      <fieldset>
        <legend>{t('setup.sections.library')}</legend>
        {input('libraryName', { hint: t('setup.hints.libraryName') })}
        {input('communeCode', { hint: t('setup.hints.communeCode'), inputMode: 'numeric' })}
        {input('address')}
        <label className="field" htmlFor="setup-language">
          <span>{t('setup.fields.language')}</span>
          <select
            id="setup-language"
            value={form.language}
            onChange={(event) => setForm((current) => ({ ...current, language: event.target.value === 'en' ? 'en' : 'vi' }))}
          >
            <option value="vi">{t('setup.languages.vi')}</option>
            <option value="en">{t('setup.languages.en')}</option>
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('setup.sections.hours')}</legend>
        <p className="setup-hint">{t('setup.hints.hours')}</p>
        <div className="setup-hours">
          {SETUP_WEEKDAYS.map((day) => {
            const problem = problemFor(`hours.${day}`);
            const id = `setup-hours-${day}`;
            return (
              <div key={day} className="field">
                <label htmlFor={id}>{t(`setup.weekdays.${day}`)}</label>
                <input
                  id={id}
                  value={form.hours[day]}
                  placeholder={t('setup.closed')}
                  onChange={(event) => setForm((current) => ({ ...current, hours: { ...current.hours, [day]: event.target.value } }))}
                  spellCheck={false}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-problem` : undefined}
                />
                {problem && (
                  <small id={`${id}-problem`} className="field-problem">
                    {t(problem.key)}
                  </small>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('setup.sections.technician')}</legend>
        {input('technicianCard')}
        {input('technicianName')}
        {input('technicianPin', { pin: true, hint: t('setup.hints.pin') })}
        {input('technicianPinAgain', { pin: true })}
      </fieldset>
      <fieldset>
        <legend>{t('setup.sections.staff')}</legend>
        <p className="setup-hint">{t('setup.hints.staffOptional')}</p>
        {input('staffCard')}
        {input('staffName')}
        {input('staffPin', { pin: true, hint: t('setup.hints.pin') })}
        {input('staffPinAgain', { pin: true })}
      </fieldset>
      <div className="row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('setup.saving') : t('setup.submit')}
        </button>
      </div>
    </form>
  );
}
