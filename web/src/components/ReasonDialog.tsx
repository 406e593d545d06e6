import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../problems';

export interface ReasonDialogProps {
  /** The question, e.g. "Release 3 held messages?" */
  readonly title: string;
  /** What the message(s) are, shown under the title. */
  readonly description?: string;
  /** The confirm button's label, e.g. "Release". */
  readonly confirmLabel: string;
  readonly danger?: boolean;
  /** Reasons go to the audit log; releases and deletions must give one. */
  readonly reasonRequired: boolean;
  /** Runs the action; a rejection is shown in the dialog and keeps it open. */
  readonly onConfirm: (reason: string) => Promise<void>;
  readonly onClose: () => void;
}

/**
 * A modal that asks why before a recorded decision (release, delete, report). Native <dialog>
 * with showModal(): focus is trapped, Escape cancels, and it has the dialog role for tests.
 */
export function ReasonDialog({ title, description, confirmLabel, danger = false, reasonRequired, onConfirm, onClose }: ReasonDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (reasonForFailure) {
      setError(errorText(reasonForFailure));
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} className="reason-dialog" aria-labelledby={titleId} onCancel={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>{title}</h2>
        {description && <p className="muted">{description}</p>}
        <label>
          Reason{reasonRequired ? '' : ' (optional)'}
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} maxLength={1000} required={reasonRequired} autoFocus />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className={danger ? 'danger' : ''} disabled={busy || (reasonRequired && reason.trim() === '')}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
