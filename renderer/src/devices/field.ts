// DOM side of the wedge detector: remember a text field's value before a burst's first key, put it
// back when the burst turns out to be a scan, and type held keys back when it was a person.
export interface FieldSnapshot {
  element: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

function textField(element: Element | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (element instanceof HTMLTextAreaElement) return element;
  if (element instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(element.type))
    return element;
  return null;
}

export function snapshotFocusedField(): FieldSnapshot | null {
  const element = textField(document.activeElement);
  if (!element) return null;
  let selectionStart: number | null = null;
  let selectionEnd: number | null = null;
  try {
    selectionStart = element.selectionStart;
    selectionEnd = element.selectionEnd;
  } catch {
    // type=email/number have no selection API
  }
  return { element, value: element.value, selectionStart, selectionEnd };
}

/** Sets a value the way React notices: through the prototype's setter, then an input event. */
function setValue(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

export function restoreField(snapshot: FieldSnapshot | null): void {
  if (!snapshot || !snapshot.element.isConnected || snapshot.element.value === snapshot.value) return;
  setValue(snapshot.element, snapshot.value);
  try {
    if (snapshot.selectionStart !== null) snapshot.element.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
  } catch {
    // no selection API on this input type
  }
}

/** Types text into the focused field as if keys had been pressed (held keys of a burst that was a person). */
export function typeIntoFocusedField(text: string): void {
  const element = textField(document.activeElement);
  if (!element || element.readOnly || element.disabled) return;
  // execCommand keeps the undo stack and fires the input events React listens to.
  if (!document.execCommand('insertText', false, text)) {
    const start = element.selectionStart ?? element.value.length;
    const end = element.selectionEnd ?? start;
    setValue(element, element.value.slice(0, start) + text + element.value.slice(end));
  }
}
