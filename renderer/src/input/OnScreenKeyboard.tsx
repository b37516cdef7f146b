// On-screen keyboard for touch-screen terminals: digits, Latin letters, the Vietnamese letters (ă â đ
// ê ô ơ ư) and the five tone marks as keys, so nobody needs a physical keyboard or an input method.
// A digit key always types the digit ("Toán 5", "xóm 3"), never a VNI tone.
// Keys never take focus away from the field they type into.
import { useTranslation } from 'react-i18next';

export type KeyboardKey =
  { kind: 'char'; value: string } | { kind: 'digit'; value: string } | { kind: 'tone'; telex: string } | { kind: 'backspace' } | { kind: 'done' };

const DIGITS = '1234567890';
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VIETNAMESE = ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'];
/** Tone keys send the Telex key, which the engine places on the right vowel. */
const TONES = [
  { telex: 's', mark: '´', name: 'acute' },
  { telex: 'f', mark: '`', name: 'grave' },
  { telex: 'r', mark: '̉', name: 'hook' },
  { telex: 'x', mark: '~', name: 'tilde' },
  { telex: 'j', mark: '.', name: 'dot' },
] as const;

export function OnScreenKeyboard({ onKey, id }: { onKey: (key: KeyboardKey) => void; id?: string }) {
  const { t } = useTranslation('residents');
  const press = (key: KeyboardKey) => (event: React.MouseEvent) => {
    event.preventDefault();
    onKey(key);
  };
  // Pointer down would move focus to the button; keep it in the field.
  const keep = (event: React.MouseEvent) => event.preventDefault();
  return (
    <div className="osk" id={id} role="group" aria-label={t('keyboard.label')}>
      <div className="osk-row">
        {VIETNAMESE.map((letter) => (
          <button key={letter} type="button" className="osk-key vietnamese" onMouseDown={keep} onClick={press({ kind: 'char', value: letter })}>
            {letter}
          </button>
        ))}
        {TONES.map((tone) => (
          <button
            key={tone.name}
            type="button"
            className="osk-key tone"
            aria-label={t(`keyboard.tones.${tone.name}`)}
            title={t(`keyboard.tones.${tone.name}`)}
            onMouseDown={keep}
            onClick={press({ kind: 'tone', telex: tone.telex })}
          >
            <span aria-hidden="true">
              {tone.name === 'hook' ? 'ả' : tone.name === 'dot' ? 'ạ' : tone.name === 'acute' ? 'á' : tone.name === 'grave' ? 'à' : 'ã'}
            </span>
          </button>
        ))}
      </div>
      <div className="osk-row digits">
        {[...DIGITS].map((digit) => (
          <button key={digit} type="button" className="osk-key digit" onMouseDown={keep} onClick={press({ kind: 'digit', value: digit })}>
            {digit}
          </button>
        ))}
      </div>
      {ROWS.map((row, index) => (
        <div className="osk-row" key={row}>
          {[...row].map((letter) => (
            <button key={letter} type="button" className="osk-key" onMouseDown={keep} onClick={press({ kind: 'char', value: letter })}>
              {letter}
            </button>
          ))}
          {index === 2 && (
            <button type="button" className="osk-key wide" aria-label={t('keyboard.backspace')} onMouseDown={keep} onClick={press({ kind: 'backspace' })}>
              <span aria-hidden="true">⌫</span>
            </button>
          )}
        </div>
      ))}
      <div className="osk-row">
        <button type="button" className="osk-key space" onMouseDown={keep} onClick={press({ kind: 'char', value: ' ' })}>
          {t('keyboard.space')}
        </button>
        <button type="button" className="osk-key wide done" onMouseDown={keep} onClick={press({ kind: 'done' })}>
          {t('keyboard.done')}
        </button>
      </div>
    </div>
  );
}
