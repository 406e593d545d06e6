import { useId, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api';
import { MessageTable } from '../components/MessageTable';
import { Options } from '../components/Options';
import { PAGE_SIZE, apiQueryOf, filterFromParams, offsetFromParams, paramsOf, type FilterKey, type FilterValues } from '../message-filter';
import { ACTIONS, DIRECTIONS, type Group, type MessagePage } from '../types';
import { useApi } from '../use-api';
import { useFilterOptions } from '../use-filter-options';

/**
 * Every analysed email, newest first, filtered and paged by the server (50 a page, next and
 * previous by `hasMore`), so the list stays fast however many messages the store holds. The
 * filters are the URL's query string.
 */
export function EmailsPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const offset = offsetFromParams(params);
  const query = paramsOf(filter, offset).toString();
  const page = useApi(() => api.get<MessagePage>('/messages', { ...apiQueryOf(filter), limit: PAGE_SIZE, offset }), [query]);
  const goTo = (nextOffset: number) => setParams(paramsOf(filter, Math.max(0, nextOffset)));
  const items = page.data?.items ?? [];
  const filtered = Object.keys(filter).length > 0;
  return (
    <div className="emails">
      <h1>Emails</h1>
      <FilterBar key={paramsOf(filter).toString()} values={filter} onApply={(values) => setParams(paramsOf(values))} />
      {page.error && (
        <p role="alert" className="error">
          Could not load emails: {page.error}
        </p>
      )}
      <section className="panel" aria-labelledby="emails-results" aria-busy={page.loading}>
        <div className="results-head">
          <h2 id="emails-results">{filtered ? 'Matching emails' : 'All emails'}</h2>
          <Pager offset={offset} count={items.length} hasMore={page.data?.hasMore ?? false} loading={page.loading} onPage={goTo} />
        </div>
        {page.data && items.length === 0 && <p className="muted">No emails match these filters.</p>}
        {items.length > 0 && <MessageTable items={items} />}
      </section>
    </div>
  );
}

function Pager({ offset, count, hasMore, loading, onPage }: { offset: number; count: number; hasMore: boolean; loading: boolean; onPage: (offset: number) => void }) {
  return (
    <nav className="pager" aria-label="Pages">
      <span className="muted" aria-live="polite">
        {count > 0 ? `${offset + 1}–${offset + count}` : loading ? 'Loading…' : 'none'}
      </span>
      <button type="button" className="secondary" disabled={offset === 0 || loading} onClick={() => onPage(offset - PAGE_SIZE)}>
        Previous
      </button>
      <button type="button" className="secondary" disabled={!hasMore || loading} onClick={() => onPage(offset + PAGE_SIZE)}>
        Next
      </button>
    </nav>
  );
}

/** The filter form; uncontrolled, re-created (by its key) whenever the URL's filters change. */
function FilterBar({ values, onApply }: { values: FilterValues; onApply: (values: FilterValues) => void }) {
  const { groups, tags } = useFilterOptions();
  const tagListId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: FilterValues = {};
    for (const [key, value] of form.entries()) if (typeof value === 'string' && value.trim()) next[key as FilterKey] = value.trim();
    onApply(next);
  };
  const text = (name: FilterKey, label: string, props: { type?: string; placeholder?: string; list?: string; min?: number; max?: number } = {}) => (
    <label>
      {label}
      <input name={name} defaultValue={values[name] ?? ''} type={props.type ?? 'text'} {...props} />
    </label>
  );
  return (
    <form className="filters panel" role="search" aria-label="Filter emails" onSubmit={submit}>
      {text('q', 'Search', { type: 'search', placeholder: 'subject or sender' })}
      {text('sender', 'Sender', { placeholder: 'address' })}
      {text('senderDomain', 'Sender domain', { placeholder: 'example.com' })}
      {text('recipient', 'Recipient', { placeholder: 'address' })}
      <GroupSelect groups={groups} value={values.group} />
      {text('tag', 'Tag', { list: tagListId })}
      <datalist id={tagListId}>
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <Choice name="action" label="Action" value={values.action} options={ACTIONS} />
      <Choice name="direction" label="Direction" value={values.direction} options={DIRECTIONS} />
      {text('minScore', 'Min score', { type: 'number', min: 0, max: 100 })}
      {text('from', 'From date', { type: 'date' })}
      {text('to', 'To date', { type: 'date' })}
      {values.maxScore && <input type="hidden" name="maxScore" value={values.maxScore} />}
      <div className="filter-buttons">
        <button type="submit">Apply filters</button>
        <button type="button" className="secondary" onClick={() => onApply({})}>
          Clear filters
        </button>
      </div>
    </form>
  );
}

function Choice({ name, label, value, options }: { name: FilterKey; label: string; value: string | undefined; options: readonly string[] }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ''}>
        <Options values={options} any="Any" />
      </select>
    </label>
  );
}

function GroupSelect({ groups, value }: { groups: readonly Group[]; value: string | undefined }) {
  // A group in the URL that the list does not (yet) have is still offered, so it shows as chosen.
  const names = groups.map((group) => group.name);
  if (value && !names.includes(value)) names.push(value);
  return <Choice name="group" label="Group" value={value} options={names} />;
}
