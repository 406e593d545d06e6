import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { can, useAuth } from '../auth';
import { OrgSettingsForm } from '../components/OrgSettingsForm';
import { TokensPanel } from '../components/TokensPanel';
import { UsersPanel } from '../components/UsersPanel';
import type { SettingsAnswer, User } from '../types';
import { useApi } from '../use-api';

/** Shows a configuration value compactly: lists and objects as JSON. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Admin only: organisation settings, users and everyone's API tokens. */
export function SettingsPage() {
  const { me } = useAuth();
  const admin = can(me, 'admin');
  const settings = useApi(() => (admin ? api.get<SettingsAnswer>('/settings') : Promise.resolve(null)), [admin]);
  const users = useApi(() => (admin ? api.get<{ items: User[] }>('/users') : Promise.resolve({ items: [] })), [admin]);
  // A save answers with the new settings; the form starts again from them.
  const [savedAnswer, setSavedAnswer] = useState<SettingsAnswer | null>(null);
  const [generation, setGeneration] = useState(0);
  const ownerNames = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.username])), [users.data]);

  if (!admin || !me) {
    return (
      <>
        <h1>Settings</h1>
        <p>Only an admin can change settings. Your password and API tokens are under <Link to="/account">Account</Link>.</p>
      </>
    );
  }
  const current = savedAnswer ?? settings.data;
  return (
    <>
      <h1>Settings</h1>
      <section className="panel" aria-labelledby="settings-org">
        <h2 id="settings-org">Organisation</h2>
        {settings.error && <p className="error">{settings.error}</p>}
        {current ? (
          <OrgSettingsForm
            key={generation}
            initial={current.editable}
            justSaved={generation > 0}
            onSaved={(answer) => {
              setSavedAnswer(answer);
              setGeneration((g) => g + 1);
            }}
          />
        ) : (
          settings.loading && <p className="muted">Loading…</p>
        )}
        {current && (
          <details className="effective-config">
            <summary>Effective configuration (read-only; secrets hidden)</summary>
            <table>
              <tbody>
                {Object.entries(current.settings).map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row">{key}</th>
                    <td>
                      <code>{shown(value)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </section>

      <section className="panel" aria-labelledby="settings-users">
        <h2 id="settings-users">Users</h2>
        <UsersPanel users={users} myId={me.user.id} />
      </section>

      <section className="panel" aria-labelledby="settings-tokens">
        <h2 id="settings-tokens">API tokens (everyone's)</h2>
        <p className="muted">
          Create your own tokens and change your password under <Link to="/account">Account</Link>.
        </p>
        <TokensPanel userId={null} canCreate={false} ownerNames={ownerNames} />
      </section>
    </>
  );
}
