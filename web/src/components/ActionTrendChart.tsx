import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTIONS, type DayPoint } from '../types';
import { ACTION_COLOUR, ACTION_LABEL } from './action-style';

/** "2024-03-05" (a UTC day) as "5 Mar" in the reader's locale. */
export function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/**
 * Messages per UTC day, each day's bar stacked by the delivery action taken (delivered at the
 * bottom, held on top), so both volume and how much of it was acted on read at a glance.
 */
export function ActionTrendChart({ series, height = 280 }: { series: readonly DayPoint[]; height?: number }) {
  if (series.length === 0) return <p className="muted">No mail in this period.</p>;
  const rows = series.map((point) => ({ day: point.day, ...point.byAction }));
  const total = series.reduce((sum, point) => sum + point.total, 0);
  return (
    <div className="chart" role="figure" aria-label={`Mail per day by action: ${total} messages over ${series.length} days`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={dayLabel} minTickGap={16} />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip labelFormatter={(day) => dayLabel(String(day))} />
          <Legend itemSorter={null} />
          {ACTIONS.map((action) => (
            <Bar key={action} dataKey={action} name={ACTION_LABEL[action]} stackId="actions" fill={ACTION_COLOUR[action]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
