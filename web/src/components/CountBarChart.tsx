import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface CountBar {
  readonly label: string;
  readonly count: number;
}

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 170;

/**
 * Horizontal bars, one per label, largest first as given. With `linkTo`, clicking a bar opens
 * the page for that label (e.g. the email list filtered to a tag).
 */
export function CountBarChart({ bars, name, linkTo, colour = '#2f5bd3' }: { bars: readonly CountBar[]; name: string; linkTo?: (label: string) => string; colour?: string }) {
  const navigate = useNavigate();
  const open = (entry: unknown) => {
    const label = (entry as { payload?: CountBar } | null)?.payload?.label;
    if (linkTo && label !== undefined) void navigate(linkTo(label));
  };
  return (
    <div className="chart" role="figure" aria-label={`${name}: ${bars.map((bar) => `${bar.label} ${bar.count}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={Math.max(120, bars.length * ROW_HEIGHT + 40)}>
        <BarChart data={[...bars]} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="count" name={name} fill={colour} isAnimationActive={false} cursor={linkTo ? 'pointer' : undefined} onClick={open} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
