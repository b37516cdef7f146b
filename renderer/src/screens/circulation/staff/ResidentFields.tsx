// A resident's personal details as staff type them at the desk: full name, birth year, gender,
// village and phone, with the kiosk's own sentences next to a field that is wrong. One set of fields
// for making a card (PatronsPage) and correcting one (PatronRecordPanel), so both check alike.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/FieldError';
import { VietnameseTextInput } from '../../../input/VietnameseTextInput';

export interface ResidentForm {
  fullName: string;
  birthYear: string;
  gender: string;
  village: string;
  phone: string;
}

export const EMPTY_RESIDENT: ResidentForm = { fullName: '', birthYear: '', gender: '', village: '', phone: '' };

export type ResidentProblems = Partial<Record<'fullName' | 'birthYear', string>>;

/** What is wrong with the typed details, in the kiosk's words (the forms are noValidate). */
// i18n-namespace: circulation
export function residentProblems(form: ResidentForm, t: TFunction): ResidentProblems {
  const problems: ResidentProblems = {};
  if (form.fullName.trim().length < 2) problems.fullName = t('staff.form.minLength', { count: 2 });
  if (form.birthYear.trim() && !/^\d{4}$/.test(form.birthYear.trim())) problems.birthYear = t('staff.form.year');
  return problems;
}

/** The typed details as the contract takes them: blanks become null. */
const GENDERS = ['male', 'female', 'other'] as const;
const isGender = (value: string): value is (typeof GENDERS)[number] => (GENDERS as readonly string[]).includes(value);

export function residentValues(form: ResidentForm) {
  const gender = isGender(form.gender) ? form.gender : null;
  return {
    fullName: form.fullName,
    birthYear: form.birthYear.trim() ? Number(form.birthYear) : null,
    gender,
    village: form.village.trim() || null,
    phone: form.phone.trim() || null,
  };
}

export function ResidentFields({
  idPrefix,
  form,
  onChange,
  problems,
  afterGender,
}: {
  idPrefix: string;
  form: ResidentForm;
  onChange: (form: ResidentForm) => void;
  problems: ResidentProblems;
  /** A field of the form's own that belongs between gender and village (the category, when making a card). */
  afterGender?: ReactNode;
}) {
  const { t } = useTranslation('circulation');
  const id = (name: keyof ResidentForm) => `${idPrefix}-${name}`;
  const invalid = (name: keyof ResidentProblems) => (problems[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${id(name)}-error` } : {});
  return (
    <>
      <VietnameseTextInput
        className="circ-manual"
        id={id('fullName')}
        label={t('staff.patrons.fullName')}
        value={form.fullName}
        onValueChange={(fullName) => onChange({ ...form, fullName })}
        required
        minLength={2}
        maxLength={100}
        style={{ textTransform: 'none' }}
        {...invalid('fullName')}
      />
      <FieldError id={`${id('fullName')}-error`} text={problems.fullName ?? null} />
      <div className="circ-manual">
        <label htmlFor={id('birthYear')}>{t('staff.patrons.birthYear')}</label>
        <input
          id={id('birthYear')}
          value={form.birthYear}
          inputMode="numeric"
          onChange={(e) => onChange({ ...form, birthYear: e.target.value })}
          {...invalid('birthYear')}
        />
        <FieldError id={`${id('birthYear')}-error`} text={problems.birthYear ?? null} />
      </div>
      <div className="circ-manual">
        <label htmlFor={id('gender')}>{t('staff.patrons.gender')}</label>
        <select id={id('gender')} value={form.gender} onChange={(e) => onChange({ ...form, gender: e.target.value })}>
          <option value="">{t('staff.patrons.genderUnknown')}</option>
          <option value="female">{t('gender.female')}</option>
          <option value="male">{t('gender.male')}</option>
          <option value="other">{t('gender.other')}</option>
        </select>
      </div>
      {afterGender}
      <VietnameseTextInput
        className="circ-manual"
        id={id('village')}
        label={t('staff.patrons.village')}
        value={form.village}
        onValueChange={(village) => onChange({ ...form, village })}
        maxLength={100}
        style={{ textTransform: 'none' }}
      />
      <div className="circ-manual">
        <label htmlFor={id('phone')}>{t('staff.patrons.phone')}</label>
        <input id={id('phone')} value={form.phone} inputMode="tel" onChange={(e) => onChange({ ...form, phone: e.target.value })} />
      </div>
    </>
  );
}
