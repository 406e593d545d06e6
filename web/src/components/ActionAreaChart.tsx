import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTIONS, type DayPoint } from '../types';
import { ACTION_COLOUR, ACTION_LABEL } from './action-style';
import { dayLabel } from './ActionTrendChart';

/** Messages per UTC day as stacked areas by action: a widget-sized trend line. */
export function ActionAreaChart({ series, height = 220, name }: { series: readonly DayPoint[]; height?: number; name: string }) {
  const total = series.reduce((sum, point) => sum + point.total, 0);
  if (total === 0) return <p className="muted">No matching mail in this period.</p>;
  const rows = series.map((point) => ({ day: point.day, ...point.byAction }));
  return (
    <div className="chart" role="figure" aria-label={`${name}: ${total} messages over ${series.length} days`}>
      <ResponsiveContainer width="100%" height={height}>
        <AreaChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={dayLabel} minTickGap={16} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip labelFormatter={(day) => dayLabel(String(day))} />
          <Legend />
          {ACTIONS.map((action) => (
            <Area
              key={action}
              type="monotone"
              dataKey={action}
              name={ACTION_LABEL[action]}
              stackId="actions"
              stroke={ACTION_COLOUR[action]}
              fill={ACTION_COLOUR[action]}
              fillOpacity={0.35}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
