/** A dashboard's name and sharing: the fields of "New dashboard" and of "Rename or share". */
export function DashboardFields({ name, shared, onName, onShared, autoFocus = false }: { name: string; shared: boolean; onName: (name: string) => void; onShared: (shared: boolean) => void; autoFocus?: boolean }) {
  return (
    <>
      <label>
        Name
        <input value={name} onChange={(e) => onName(e.target.value)} required maxLength={100} autoFocus={autoFocus} />
      </label>
      <label className="choice">
        <input type="checkbox" checked={shared} onChange={(e) => onShared(e.target.checked)} />
        Shared with everyone
      </label>
      <span className="muted small">others see it read-only</span>
    </>
  );
}
