/** A person's exposure (0..100) as a bar with the number beside it; the number is the accessible text. */
export function ExposureBar({ exposure }: { exposure: number }) {
  const value = Math.max(0, Math.min(100, Math.round(exposure)));
  const band = value >= 60 ? 'high' : value >= 30 ? 'medium' : 'low';
  return (
    <span className="exposure" title="Exposure: how much suspicious mail reached this person, how bad, and what they did with it (0–100)">
      <span className={`exposure-bar exposure-${band}`} aria-hidden="true">
        <span style={{ width: `${value}%` }} />
      </span>
      <span className="exposure-value">{value}</span>
    </span>
  );
}
