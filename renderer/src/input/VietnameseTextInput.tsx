// A text field that accepts Telex and VNI typing without an input method, with an on/off toggle
// beside it (on by default) and an on-screen keyboard for touch screens. Use it for every field a
// resident types words into; numbers and card numbers keep a plain <input>.
import { useEffect, useId, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypingMethod } from '../../../common/vietnamese/typing';
import { deleteBefore, insertKey, insertLiteral, type FieldState } from './compose';
import { OnScreenKeyboard, type KeyboardKey } from './OnScreenKeyboard';
import '../styles/residents.css';

export interface VietnameseTextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> {
  value: string;
  onValueChange(value: string): void;
  /** Visible label text (already translated). */
  label: string;
  hint?: string;
  method?: TypingMethod;
  /** Called by the on-screen keyboard's "done" key and Enter. */
  onSubmitText?(value: string): void;
  /** The <input> itself, for screens that focus it (React 19 passes ref as a prop). */
  ref?: Ref<HTMLInputElement>;
  /** Classes for the input and the label, so a screen keeps its own look (e.g. a large search box). */
  inputClassName?: string;
  labelClassName?: string;
  /** Extra buttons placed right after the input (e.g. "clear"). */
  actions?: ReactNode;
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

export function VietnameseTextInput({
  value,
  onValueChange,
  label,
  hint,
  method = 'both',
  onSubmitText,
  id,
  className,
  ref,
  inputClassName,
  labelClassName,
  actions,
  ...inputProps
}: VietnameseTextInputProps) {
  const { t } = useTranslation('residents');
  const generated = useId();
  const inputId = id ?? `vn-input-${generated}`;
  const input = useRef<HTMLInputElement>(null);
  const [enabled, setEnabled] = useState(true);
  const [keyboard, setKeyboard] = useState(false);
  const raw = useRef('');
  const pendingCaret = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    if (pendingCaret.current !== undefined && input.current) {
      input.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = undefined;
    }
  });
  useEffect(() => {
    raw.current = '';
  }, [enabled]);

  function apply(next: FieldState) {
    raw.current = next.raw;
    pendingCaret.current = next.caret;
    onValueChange(next.text);
  }

  function current(): FieldState {
    const el = input.current;
    const caret = el?.selectionStart ?? value.length;
    return { text: value, caret, raw: raw.current };
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    inputProps.onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Enter') {
      onSubmitText?.(value);
      return;
    }
    if (!enabled || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) {
      if (event.key.length > 1 && event.key !== 'Shift') raw.current = '';
      return;
    }
    const el = event.currentTarget;
    if (el.selectionStart !== el.selectionEnd) return;
    event.preventDefault();
    apply(insertKey(current(), event.key, method));
  }

  function onScreenKey(key: KeyboardKey) {
    const state = current();
    if (key.kind === 'done') {
      setKeyboard(false);
      onSubmitText?.(value);
    } else if (key.kind === 'backspace') apply(deleteBefore(state));
    else if (key.kind === 'tone') apply(insertKey(state, key.telex, 'telex'));
    else if (key.kind === 'digit' || !enabled) apply(insertLiteral(state, key.value));
    else apply(insertKey(state, key.value, method));
    input.current?.focus();
  }

  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className={`vn-field ${className ?? ''}`}>
      <label htmlFor={inputId} className={`vn-label ${labelClassName ?? ''}`}>
        {label}
      </label>
      <div className="vn-row">
        <input
          {...inputProps}
          ref={(el) => {
            input.current = el;
            assignRef(ref, el);
          }}
          id={inputId}
          className={`vn-input ${inputClassName ?? ''}`}
          value={value}
          aria-describedby={[hintId, inputProps['aria-describedby']].filter(Boolean).join(' ') || undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            raw.current = '';
            onValueChange(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onClick={() => (raw.current = '')}
        />
        {actions}
        <button
          type="button"
          className="button secondary vn-toggle"
          aria-pressed={enabled}
          onClick={() => setEnabled((on) => !on)}
          title={t('typing.toggleHint')}
        >
          {enabled ? t('typing.on') : t('typing.off')}
        </button>
        <button
          type="button"
          className="button secondary vn-toggle"
          aria-pressed={keyboard}
          aria-controls={keyboard ? `${inputId}-keyboard` : undefined}
          onClick={() => setKeyboard((on) => !on)}
        >
          {t('keyboard.toggle')}
        </button>
      </div>
      {hint && (
        <small id={hintId} className="vn-hint">
          {hint}
        </small>
      )}
      {keyboard && <OnScreenKeyboard id={`${inputId}-keyboard`} onKey={onScreenKey} />}
    </div>
  );
}
