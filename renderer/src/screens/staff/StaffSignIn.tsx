// Staff sign-in: staff card number (typed or scanned) and PIN, with a large numeric keypad that
// works by touch, mouse and keyboard. Errors are full Vietnamese sentences from the staff namespace.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '#contract';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { ScreenFrame } from '../../components/ScreenFrame';
import { Banner } from '../../components/Banner';
import { Keypad, pressKey, type KeypadKey } from '../../components/Keypad';

type Field = 'card' | 'pin';

export function StaffSignIn({ onSignedIn }: { onSignedIn: (result: ResponseOf<'staff.signIn'>) => void }) {
  const api = useApi();
  const { t } = useTranslation('staff');
  const [card, setCard] = useState('');
  const [pin, setPin] = useState('');
  const [target, setTarget] = useState<Field>('card');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const cardInput = useRef<HTMLInputElement>(null);
  const pinInput = useRef<HTMLInputElement>(null);

  const press = (key: KeypadKey) => {
    if (target === 'card') setCard((value) => pressKey(value, key, 64));
    else setPin((value) => pressKey(value, key, 12));
    (target === 'card' ? cardInput : pinInput).current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!card.trim()) {
      setError(t('errors.card_missing'));
      setTarget('card');
      cardInput.current?.focus();
      return;
    }
    if (!/^\d{4,12}$/.test(pin)) {
      setError(t('errors.pin_format'));
      setTarget('pin');
      pinInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api.call('staff.signIn', { card: card.trim(), pin }));
    } catch (failure) {
      setPin('');
      setTarget('pin');
      setError(apiErrorText(t, failure, 'errors.unavailable'));
      pinInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <ScreenFrame title={t('signIn.title')}>
      <form className="staff-signin" onSubmit={submit} noValidate>
        <div className="staff-signin-fields">
          <p>{t('signIn.intro')}</p>
          <label className="field">
            <span>{t('signIn.card')}</span>
            <input
              ref={cardInput}
              value={card}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              onFocus={() => setTarget('card')}
              onChange={(event) => setCard(event.target.value.toUpperCase())}
              aria-describedby="staff-signin-card-hint"
            />
            <small id="staff-signin-card-hint">{t('signIn.cardHint')}</small>
          </label>
          <label className="field">
            <span>{t('signIn.pin')}</span>
            <input
              ref={pinInput}
              value={pin}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              onFocus={() => setTarget('pin')}
              onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 12))}
            />
          </label>
          <Banner kind="error" text={error} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('signIn.checking') : t('signIn.submit')}
          </button>
        </div>
        <Keypad label={t(target === 'card' ? 'signIn.keypadForCard' : 'signIn.keypadForPin')} onKey={press} />
      </form>
    </ScreenFrame>
  );
}
