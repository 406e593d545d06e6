import { useId, useState, type FormEvent } from 'react';
import { ACTIONS, DIRECTIONS, type BarField, type View, type Widget, type WidgetFilter } from '../types';
import { useFilterOptions } from '../use-filter-options';
import { BAR_FIELDS, BAR_FIELD_LABEL, VIEW_LABEL, newWidgetId } from '../widget-query';
import { Options } from './Options';
import { PeriodSelect } from './PeriodSelect';

type TextField = 'tag' | 'group' | 'action' | 'direction' | 'recipient' | 'sender' | 'senderDomain' | 'minScore' | 'q';

const EMPTY: Record<TextField, string> = { tag: '', group: '', action: '', direction: '', recipient: '', sender: '', senderDomain: '', minScore: '', q: '' };

/** The form's text values as a saved filter: empty fields left out, the score a number. */
function filterOf(values: Record<TextField, string>): WidgetFilter {
  const filter: WidgetFilter = {};
  for (const key of Object.keys(values) as TextField[]) {
    const value = values[key].trim();
    if (value === '') continue;
    if (key === 'minScore') filter.minScore = Number(value);
    else filter[key] = value;
  }
  return filter;
}

function viewOf(type: string, by: BarField): View {
  if (type === 'bar') return { type: 'bar', by };
  return type === 'table' ? { type: 'table' } : { type: 'timeseries' };
}

/**
 * "Add widget": a title, a filter (tag, group, action, direction, people, score, text), a view
 * (time series, bars grouped by a field, or a table of messages) and a period.
 */
export function WidgetForm({ onSave, onCancel, busy }: { onSave: (widget: Widget) => void; onCancel: () => void; busy: boolean }) {
  const { groups, tags } = useFilterOptions();
  const tagListId = useId();
  const [title, setTitle] = useState('');
  const [values, setValues] = useState(EMPTY);
  const [viewType, setViewType] = useState<View['type']>('timeseries');
  const [by, setBy] = useState<BarField>('tag');
  const [days, setDays] = useState(30);
  const set = (key: TextField) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));
  const text = (key: TextField, label: string, props: { type?: string; placeholder: string; min?: number; max?: number }) => (
    <label>
      {label}
      <input type={props.type ?? 'text'} {...props} value={values[key]} onChange={set(key)} />
    </label>
  );
  // Each select repeats its label's words as aria-label: the label's text content also holds
  // the options, so lookups by the exact label text would not find it otherwise.
  const choice = (key: TextField, label: string, any: string, options: readonly string[]) => (
    <label>
      {label}
      <select value={values[key]} onChange={set(key)} aria-label={label}>
        <Options values={options} any={any} />
      </select>
    </label>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ id: newWidgetId(), title: title.trim(), filter: filterOf(values), view: viewOf(viewType, by), days });
  };

  return (
    <form className="panel widget-form" aria-label="Add widget" onSubmit={submit}>
      <h2>Add widget</h2>
      <label className="wide">
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} placeholder="e.g. Impersonation aimed at finance" />
      </label>
      <fieldset>
        <legend>Which emails</legend>
        <div className="form-grid">
          <label>
            Tag
            <input value={values.tag} onChange={set('tag')} list={tagListId} placeholder="any tag" />
            <datalist id={tagListId}>
              {tags.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
          </label>
          {choice('group', 'Group', 'any group', groups.map((group) => group.name))}
          {choice('action', 'Action', 'any action', ACTIONS)}
          {choice('direction', 'Direction', 'any direction', DIRECTIONS)}
          {text('recipient', 'Recipient', { placeholder: 'address' })}
          {text('sender', 'Sender', { placeholder: 'address' })}
          {text('senderDomain', 'Sender domain', { placeholder: 'example.com' })}
          {text('minScore', 'Min score', { type: 'number', min: 0, max: 100, placeholder: '0–100' })}
          {text('q', 'Text', { type: 'search', placeholder: 'in subject or sender' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>How to show them</legend>
        <div className="form-grid">
          <label>
            View
            <select value={viewType} onChange={(e) => setViewType(viewOf(e.target.value, by).type)} aria-label="View">
              {(Object.keys(VIEW_LABEL) as View['type'][]).map((type) => (
                <option key={type} value={type}>
                  {VIEW_LABEL[type]}
                </option>
              ))}
            </select>
          </label>
          {viewType === 'bar' && (
            <label>
              Group by
              <select value={by} onChange={(e) => setBy(BAR_FIELDS.find((field) => field === e.target.value) ?? 'tag')} aria-label="Group by">
                {BAR_FIELDS.map((field) => (
                  <option key={field} value={field}>
                    {BAR_FIELD_LABEL[field]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <PeriodSelect days={days} onChange={setDays} />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
