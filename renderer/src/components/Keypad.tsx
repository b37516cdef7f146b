// The large on-screen number pad (staff sign-in, the resident's PIN): works by touch, mouse and
// keyboard, and never takes the focus from the field it types into.
import { useTranslation } from 'react-i18next';
import './keypad.css';

export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;
export type KeypadKey = (typeof KEYPAD_KEYS)[number];

/** The value after one key: a digit appended (up to `max`), one removed, or all cleared. */
export function pressKey(value: string, key: KeypadKey, max: number): string {
  if (key === 'clear') return '';
  if (key === 'back') return value.slice(0, -1);
  return (value + key).slice(0, max);
}

export function Keypad({ label, onKey, disabled }: { label: string; onKey: (key: KeypadKey) => void; disabled?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <div className="keypad" role="group" aria-label={label}>
      {KEYPAD_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          disabled={disabled}
          className={`button secondary keypad-key${key === 'clear' || key === 'back' ? ' keypad-action' : ''}`}
          // Keep focus in the field, so the keypad and a physical keyboard can be mixed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onKey(key)}
          aria-label={key === 'clear' ? t('keypad.clear') : key === 'back' ? t('keypad.backspace') : key}
        >
          {key === 'clear' ? t('keypad.clearShort') : key === 'back' ? '⌫' : key}
        </button>
      ))}
    </div>
  );
}
