// The resident's PIN, asked after their card when they chose one or their category requires it:
// a large field and on-screen digits, so a resident who never used a keyboard can enter it. A wrong
// PIN says so above (the core counts tries and locks the PIN; the lock sentence says to ask staff).
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad, pressKey } from '../../components/Keypad';

export function PinEntry({ card, busy, onSubmit, onCancel }: { card: string; busy: boolean; onSubmit: (pin: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('circulation');
  const [pin, setPin] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4,6}$/.test(pin) || busy) return;
    onSubmit(pin);
    setPin('');
  };
  return (
    <form className="circ-pin" onSubmit={submit} aria-labelledby="pin-title" noValidate>
      <div className="circ-pin-fields">
        <h2 id="pin-title">{t('pin.title')}</h2>
        <p>{t('pin.prompt', { card })}</p>
        <label className="circ-manual" htmlFor="resident-pin">
          {t('pin.label')}
        </label>
        <input
          ref={input}
          id="resident-pin"
          className="circ-pin-input"
          value={pin}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          maxLength={6}
          aria-describedby="resident-pin-hint"
          onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 6))}
        />
        <small id="resident-pin-hint">{t('pin.hint')}</small>
        <div className="circ-actions">
          <button type="submit" className="button" disabled={busy || !/^\d{4,6}$/.test(pin)}>
            {t('pin.submit')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('pin.cancel')}
          </button>
        </div>
      </div>
      <Keypad
        label={t('pin.keypad')}
        disabled={busy}
        onKey={(key) => {
          setPin((value) => pressKey(value, key, 6));
          input.current?.focus();
        }}
      />
    </form>
  );
}
