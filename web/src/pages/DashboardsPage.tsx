import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api';
import { useAuth } from '../auth';
import { DashboardFields } from '../components/DashboardFields';
import { DashboardView } from '../components/DashboardView';
import { Problems } from '../components/Problems';
import { When } from '../components/When';
import type { Dashboard } from '../types';
import { useApi } from '../use-api';
import { useRequest } from '../use-request';

/** /dashboards: the list (own and shared) with "New dashboard"; /dashboards/:id: one dashboard. */
export function DashboardsPage() {
  const { id } = useParams();
  return id ? <OneDashboard id={id} /> : <DashboardList />;
}

function OneDashboard({ id }: { id: string }) {
  const loaded = useApi(() => api.get<Dashboard>(`/dashboards/${encodeURIComponent(id)}`), [id]);
  if (loaded.error) {
    return (
      <>
        <h1>Dashboard</h1>
        <p className="error" role="alert">
          {loaded.error}
        </p>
        <Link to="/dashboards">All dashboards</Link>
      </>
    );
  }
  if (loaded.loading || !loaded.data) return <p className="muted">Loading…</p>;
  // Keyed by id: another dashboard starts from its own saved state.
  return <DashboardView key={loaded.data.id} initial={loaded.data} />;
}

function DashboardList() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const list = useApi(() => api.get<{ items: Dashboard[] }>('/dashboards'), []);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const { busy, problems, submit } = useRequest();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    await submit(async () => {
      const created = await api.post<Dashboard>('/dashboards', { name, shared, widgets: [] });
      void navigate(`/dashboards/${encodeURIComponent(created.id)}`);
    });
  };

  const items = list.data?.items ?? [];
  const mine = items.filter((d) => d.ownerId === me?.user.id);
  const others = items.filter((d) => d.ownerId !== me?.user.id);
  return (
    <>
      <div className="page-head">
        <h1>Dashboards</h1>
        <button type="button" onClick={() => setCreating(!creating)} aria-expanded={creating}>
          New dashboard
        </button>
      </div>
      {creating && (
        <form className="panel inline-form" aria-label="New dashboard" onSubmit={(event) => void create(event)}>
          <DashboardFields name={name} shared={shared} onName={setName} onShared={setShared} autoFocus />
          <button type="submit" disabled={busy}>
            Create
          </button>
        </form>
      )}
      <Problems problems={problems} />
      {list.error && <p className="error">{list.error}</p>}
      {list.loading && !list.data && <p className="muted">Loading…</p>}
      {list.data && (
        <>
          <section className="panel" aria-labelledby="dashboards-mine">
            <h2 id="dashboards-mine">My dashboards</h2>
            <DashboardTable items={mine} empty="You have no dashboards yet: make one with “New dashboard”." />
          </section>
          <section className="panel" aria-labelledby="dashboards-shared">
            <h2 id="dashboards-shared">Shared with me</h2>
            <DashboardTable items={others} empty="Nobody has shared a dashboard yet." showOwner />
          </section>
        </>
      )}
    </>
  );
}

function DashboardTable({ items, empty, showOwner = false }: { items: readonly Dashboard[]; empty: string; showOwner?: boolean }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {showOwner && <th scope="col">Owner</th>}
          <th scope="col">Widgets</th>
          <th scope="col">Visibility</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td>
              <Link to={`/dashboards/${encodeURIComponent(d.id)}`}>{d.name}</Link>
            </td>
            {showOwner && <td>{d.owner}</td>}
            <td>{d.widgets.length}</td>
            <td>{d.shared ? 'shared' : 'private'}{!d.editable && ' · read-only'}</td>
            <td>
              <When at={d.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
