// A destructive staff action asked twice, on the internet page and the room's console.
/** A destructive action asked twice: the question, then "yes" (danger) or "no". */
export function ConfirmRow({ question, yes, no, onYes, onNo }: { question: string; yes: string; no: string; onYes: () => void; onNo: () => void }) {
  return (
    <div className="row">
      <span>{question}</span>
      <button type="button" className="button danger" onClick={onYes}>
        {yes}
      </button>
      <button type="button" className="button quiet" onClick={onNo}>
        {no}
      </button>
    </div>
  );
}
