/** The periods offered wherever a page looks back over "the last N days". */
export const PERIODS: readonly { days: number; label: string }[] = [
  { days: 1, label: 'Last 24 hours' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 365 days' },
];

/** A days value from a URL or form, clamped to what the API accepts (1..366). */
export function daysFrom(text: string | null, fallback = 30): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 366 ? n : fallback;
}

/** "Period" select over PERIODS (an unusual current value is offered too, so it shows). */
export function PeriodSelect({ days, onChange, label = 'Period' }: { days: number; onChange: (days: number) => void; label?: string }) {
  const options = PERIODS.some((p) => p.days === days) ? PERIODS : [...PERIODS, { days, label: `Last ${days} days` }];
  return (
    <label>
      {label}
      <select value={days} onChange={(e) => onChange(daysFrom(e.target.value))} aria-label={label}>
        {options.map((p) => (
          <option key={p.days} value={p.days}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}
