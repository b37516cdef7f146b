// The kiosk's own sentence next to a field that cannot be sent as it is (forms are noValidate: the
// browser's English bubbles never show). The field points at it with aria-describedby.
export function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  );
}
