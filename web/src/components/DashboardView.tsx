import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api';
import type { Dashboard, Widget } from '../types';
import { useRequest } from '../use-request';
import { DashboardFields } from './DashboardFields';
import { Problems } from './Problems';
import { When } from './When';
import { WidgetCard } from './WidgetCard';
import { WidgetForm } from './WidgetForm';

type Mode = 'view' | 'add' | 'details' | 'delete';

/** PUT /dashboards/:id body: the whole dashboard as it should now be. */
function bodyOf(dashboard: Dashboard, change: Partial<Pick<Dashboard, 'name' | 'shared' | 'widgets'>>) {
  return { name: change.name ?? dashboard.name, shared: change.shared ?? dashboard.shared, widgets: change.widgets ?? dashboard.widgets };
}

/**
 * One dashboard: its widgets, and for its owner (or an admin) adding and removing widgets,
 * renaming, sharing and deleting. Every change is saved at once (PUT /dashboards/:id).
 */
export function DashboardView({ initial }: { initial: Dashboard }) {
  const navigate = useNavigate();
  const [dashboard, setDashboard] = useState(initial);
  const [mode, setMode] = useState<Mode>('view');
  const { busy, problems, setProblems, submit } = useRequest();
  const [name, setName] = useState(initial.name);
  const [shared, setShared] = useState(initial.shared);

  const save = (change: Partial<Pick<Dashboard, 'name' | 'shared' | 'widgets'>>): Promise<boolean> =>
    submit(async () => setDashboard(await api.put<Dashboard>(`/dashboards/${encodeURIComponent(dashboard.id)}`, bodyOf(dashboard, change))));

  const addWidget = async (widget: Widget) => {
    if (await save({ widgets: [...dashboard.widgets, widget] })) setMode('view');
  };

  const saveDetails = async (event: FormEvent) => {
    event.preventDefault();
    if (await save({ name, shared })) setMode('view');
  };

  const remove = () =>
    submit(async () => {
      await api.post(`/dashboards/${encodeURIComponent(dashboard.id)}/delete`);
      void navigate('/dashboards');
    });

  const switchTo = (next: Mode) => {
    setProblems([]);
    setName(dashboard.name);
    setShared(dashboard.shared);
    setMode(mode === next ? 'view' : next);
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{dashboard.name}</h1>
          <p className="muted">
            {dashboard.shared ? 'Shared with everyone' : 'Private'} · by {dashboard.owner} · updated <When at={dashboard.updatedAt} />
            {!dashboard.editable && ' · read-only'}
          </p>
        </div>
        {dashboard.editable && (
          <div className="toolbar">
            <button type="button" onClick={() => switchTo('add')} aria-expanded={mode === 'add'}>
              Add widget
            </button>
            <button type="button" className="secondary" onClick={() => switchTo('details')} aria-expanded={mode === 'details'}>
              Rename or share
            </button>
            <button type="button" className="danger" onClick={() => switchTo('delete')} aria-expanded={mode === 'delete'}>
              Delete dashboard
            </button>
          </div>
        )}
      </div>

      {mode === 'details' && (
        <form className="panel inline-form" aria-label="Dashboard details" onSubmit={(event) => void saveDetails(event)}>
          <DashboardFields name={name} shared={shared} onName={setName} onShared={setShared} />
          <button type="submit" disabled={busy}>
            Save changes
          </button>
          <button type="button" className="secondary" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      )}

      {mode === 'delete' && (
        <div className="panel warning" role="alertdialog" aria-label="Delete dashboard">
          <p>
            Delete <strong>{dashboard.name}</strong> and its {dashboard.widgets.length} widgets for everyone? This cannot be undone.
          </p>
          <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
            Yes, delete it
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setMode('view')}>
            Keep it
          </button>
        </div>
      )}

      {mode === 'add' && <WidgetForm busy={busy} onSave={(widget) => void addWidget(widget)} onCancel={() => setMode('view')} />}
      <Problems problems={problems} />

      {dashboard.widgets.length === 0 ? (
        <p className="muted">{dashboard.editable ? 'No widgets yet: add one to chart the mail you care about.' : 'This dashboard has no widgets yet.'}</p>
      ) : (
        <div className="widgets">
          {dashboard.widgets.map((widget) => (
            <WidgetCard
              key={widget.id}
              widget={widget}
              {...(dashboard.editable ? { onRemove: () => void save({ widgets: dashboard.widgets.filter((w) => w.id !== widget.id) }) } : {})}
            />
          ))}
        </div>
      )}
    </>
  );
}
