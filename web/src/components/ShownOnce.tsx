/**
 * A secret the server returns once (a generated password, a new API token): shown in a
 * selectable box with a plain warning, and gone when the reader dismisses it. The <output>
 * (role status, named by `label`) is where scripts and screen readers find the secret.
 */
export function ShownOnce({ label, secret, onDismiss }: { label: string; secret: string; onDismiss: () => void }) {
  return (
    <div className="shown-once">
      <p>
        <strong>{label}</strong> — shown only this once; copy it now.
      </p>
      <output className="secret" aria-label={label}>
        {secret}
      </output>
      <button type="button" className="secondary" onClick={onDismiss}>
        Done
      </button>
    </div>
  );
}
