// The one-line outcome banner every screen shows after an action: an error is announced at once
// (role=alert), a success politely (role=status). Renders nothing when there is no text; a new text
// is brought into sight (useReveal).
import { useReveal } from './useReveal';

export function Banner({ kind, text }: { kind: 'error' | 'success' | 'warning'; text: string | null | undefined | false }) {
  const ref = useReveal<HTMLParagraphElement>(text);
  if (!text) return null;
  return (
    <p ref={ref} className={`banner ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
