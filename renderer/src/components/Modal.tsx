// The one way a screen shows something over itself (Đặt trước, the idle countdown, a staff member's
// message): a native <dialog> opened with showModal(), so the browser keeps Tab and the screen reader
// inside it and makes the screen behind inert; Escape asks `onClose` (or is ignored when there is none).
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal(props: {
  labelledBy: string;
  /** An alert the person must answer (the idle countdown, a staff message) rather than a form. */
  alert?: boolean;
  onClose?: () => void;
  className?: string;
  children: ReactNode;
}) {
  const { labelledBy, alert = false, onClose, className, children } = props;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={['modal', className].filter(Boolean).join(' ')}
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={labelledBy}
      aria-live={alert ? 'assertive' : undefined}
      onCancel={(event) => {
        // Escape: the dialog closes only through the screen's own state, so React and the DOM agree.
        event.preventDefault();
        onClose?.();
      }}
    >
      {children}
    </dialog>
  );
}
