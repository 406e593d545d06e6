import { Link } from 'react-router';
import { api } from '../api';
import type { Widget, WidgetData } from '../types';
import { useApi } from '../use-api';
import { describeWidget, emailsPathFor, widgetDataQuery } from '../widget-query';
import { ActionAreaChart } from './ActionAreaChart';
import { CountBarChart } from './CountBarChart';
import { MessageTable } from './MessageTable';

/** One saved widget: its title, what it shows in words, and its data from GET /widgets/data. */
export function WidgetCard({ widget, onRemove }: { widget: Widget; onRemove?: () => void }) {
  // Refetch when what the widget asks for changes, not whenever its object is rebuilt.
  const asked = JSON.stringify(widgetDataQuery(widget));
  const data = useApi(() => api.get<WidgetData>('/widgets/data', widgetDataQuery(widget)), [asked]);
  const title = widget.title || 'Untitled widget';
  return (
    <section className={`panel widget widget-${widget.view.type}`} aria-label={title}>
      <header className="widget-head">
        <div>
          <h2>{title}</h2>
          <p className="muted small">{describeWidget(widget)}</p>
        </div>
        {onRemove && (
          <button type="button" className="secondary small" aria-label={`Remove widget ${title}`} onClick={onRemove}>
            Remove
          </button>
        )}
      </header>
      {data.error && <p className="error">{data.error}</p>}
      {data.loading && !data.data && <p className="muted">Loading…</p>}
      {data.data && <WidgetBody widget={widget} data={data.data} title={title} />}
      <Link className="small" to={emailsPathFor(widget)}>
        Open these emails →
      </Link>
    </section>
  );
}

function WidgetBody({ widget, data, title }: { widget: Widget; data: WidgetData; title: string }) {
  const view = widget.view;
  if (data.type === 'timeseries') return <ActionAreaChart series={data.series} name={title} />;
  if (data.type === 'bar') {
    if (data.bars.length === 0) return <p className="muted">No matching mail in this period.</p>;
    const by = view.type === 'bar' ? view.by : null;
    return <CountBarChart bars={data.bars} name={title} {...(by ? { linkTo: (label: string) => emailsPathFor(widget, { by, label }) } : {})} />;
  }
  if (data.items.length === 0) return <p className="muted">No matching mail in this period.</p>;
  return <MessageTable items={data.items} />;
}
