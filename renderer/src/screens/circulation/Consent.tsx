// Self-registration after an unknown CCCD: in plain words, what the kiosk keeps and why, then the
// resident agrees (or not). Nothing is written before "Đồng ý".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VietnameseTextInput } from '../../input/VietnameseTextInput';
import { FieldError } from '../../components/FieldError';

export interface RegistrationOffer {
  registrationToken: string;
  proposed: { fullName: string; birthYear: number; gender: 'male' | 'female' | 'other'; category: string; categoryName: string };
  activation: 'pending' | 'active';
  pin: 'off' | 'optional' | 'required';
  /** The configured retention period the rights list names (0: kept until the resident asks). */
  retentionYears: number;
}

export function Consent({
  offer,
  busy,
  onAgree,
  onDecline,
}: {
  offer: RegistrationOffer;
  busy: boolean;
  onAgree: (village: string | null, pin: string | undefined) => void;
  onDecline: () => void;
}) {
  const { t } = useTranslation('circulation');
  const [village, setVillage] = useState('');
  const [pin, setPin] = useState('');
  const pinMissing = offer.pin === 'required' && pin.length === 0;
  const pinUnfinished = pin.length > 0 && !/^\d{4,6}$/.test(pin);
  // Shown once "Đồng ý" is tapped with a PIN that cannot be used, next to the PIN box.
  const [pinChecked, setPinChecked] = useState(false);
  const pinProblem = !pinChecked ? null : pinMissing ? t('consent.pinNeeded') : pinUnfinished ? t('consent.pinShort', { count: pin.length }) : null;
  const agree = () => {
    setPinChecked(true);
    if (pinMissing || pinUnfinished) {
      document.getElementById('consent-pin')?.focus();
      return;
    }
    onAgree(village.trim() || null, pin || undefined);
  };
  return (
    <section className="circ-consent" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title', { name: offer.proposed.fullName })}</h2>
      <p>{t('consent.intro')}</p>
      <h3>{t('consent.storedTitle')}</h3>
      <ul>
        <li>{t('consent.stored.name', { name: offer.proposed.fullName })}</li>
        <li>{t('consent.stored.birthYear', { year: offer.proposed.birthYear })}</li>
        <li>{t('consent.stored.gender', { gender: t(`gender.${offer.proposed.gender}`) })}</li>
        <li>{t('consent.stored.category', { category: offer.proposed.categoryName })}</li>
        <li>{t('consent.stored.village')}</li>
        <li>{t('consent.stored.cccd')}</li>
      </ul>
      <h3>{t('consent.whyTitle')}</h3>
      <p>{t('consent.why')}</p>
      <h3>{t('consent.notStoredTitle')}</h3>
      <p>{t('consent.notStored')}</p>
      <h3>{t('consent.rightsTitle')}</h3>
      <ul>
        {(t('consent.rights', { returnObjects: true }) as string[]).map((line) => (
          <li key={line}>{line}</li>
        ))}
        <li data-testid="consent-retention">
          {offer.retentionYears > 0 ? t('consent.retention', { count: offer.retentionYears }) : t('consent.retentionOff')}
        </li>
      </ul>
      <p>{offer.activation === 'pending' ? t('consent.pending') : t('consent.active')}</p>
      <VietnameseTextInput
        className="circ-manual"
        id="consent-village"
        label={t('consent.villageLabel')}
        hint={t('consent.villageHint')}
        value={village}
        onValueChange={setVillage}
        maxLength={100}
      />
      {offer.pin !== 'off' && (
        <div className="circ-manual">
          <label htmlFor="consent-pin">{t(offer.pin === 'required' ? 'consent.pinRequiredLabel' : 'consent.pinLabel')}</label>
          <input
            id="consent-pin"
            className="circ-pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pin}
            aria-invalid={pinProblem ? true : undefined}
            aria-describedby={pinProblem ? 'consent-pin-error consent-pin-hint' : 'consent-pin-hint'}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 6))}
          />
          <FieldError id="consent-pin-error" text={pinProblem} />
          <small id="consent-pin-hint">{t('consent.pinHint')}</small>
        </div>
      )}
      <div className="circ-actions action-bar">
        <button type="button" className="button" disabled={busy} onClick={agree}>
          {t('consent.agree')}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={onDecline}>
          {t('consent.decline')}
        </button>
      </div>
    </section>
  );
}
