import type { BarField, View, Widget, WidgetFilter } from './types';

/** What a bar chart can split by, in the words the form and the widget captions use. */
export const BAR_FIELD_LABEL: Record<BarField, string> = {
  tag: 'Tag',
  action: 'Action',
  direction: 'Direction',
  group: 'Group',
  recipient: 'Recipient',
  sender: 'Sender',
  senderDomain: 'Sender domain',
};

export const BAR_FIELDS = Object.keys(BAR_FIELD_LABEL) as BarField[];

export const VIEW_LABEL: Record<View['type'], string> = {
  timeseries: 'Time series',
  bar: 'Bar chart',
  table: 'Table',
};

const FILTER_LABEL: Record<keyof WidgetFilter, string> = {
  tag: 'tag',
  group: 'group',
  action: 'action',
  direction: 'direction',
  recipient: 'to',
  sender: 'from',
  senderDomain: 'from domain',
  minScore: 'score ≥',
  q: 'text',
};

/** The filter fields that are set, in a stable order. */
export function filterEntries(filter: WidgetFilter): [keyof WidgetFilter, string][] {
  return (Object.keys(FILTER_LABEL) as (keyof WidgetFilter)[]).flatMap((key) => {
    const value = filter[key];
    return value === undefined || value === '' ? [] : [[key, String(value)] as [keyof WidgetFilter, string]];
  });
}

/** A widget's filter, view and period in words: "tag Impersonation · group finance · bars by sender · last 30 days". */
export function describeWidget(widget: Widget): string {
  const parts = filterEntries(widget.filter).map(([key, value]) => `${FILTER_LABEL[key]} ${value}`);
  if (parts.length === 0) parts.push('all mail');
  parts.push(widget.view.type === 'bar' ? `bars by ${BAR_FIELD_LABEL[widget.view.by].toLowerCase()}` : VIEW_LABEL[widget.view.type].toLowerCase());
  parts.push(widget.days === 1 ? 'last 24 hours' : `last ${widget.days} days`);
  return parts.join(' · ');
}

/** GET /widgets/data query parameters for a widget. */
export function widgetDataQuery(widget: Widget): Record<string, string | number> {
  const query: Record<string, string | number> = Object.fromEntries(filterEntries(widget.filter));
  query.view = widget.view.type;
  if (widget.view.type === 'bar') query.by = widget.view.by;
  query.days = widget.days;
  return query;
}

/** The reader's local calendar day (YYYY-MM-DD) `days` days ago: the email list's `from`. */
function dayAgo(days: number, now: number): string {
  const date = new Date(now - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The email list (/emails?...) for a widget's filter and period, optionally narrowed to one bar. */
export function emailsPathFor(widget: Pick<Widget, 'filter' | 'days'>, bar?: { by: BarField; label: string }, now = Date.now()): string {
  const params = new URLSearchParams(filterEntries(widget.filter));
  if (bar) params.set(bar.by, bar.label);
  params.set('from', dayAgo(widget.days, now));
  return `/emails?${params.toString()}`;
}

/** A widget id the dashboard keeps unique (random; works outside secure contexts too). */
export function newWidgetId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `w-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
