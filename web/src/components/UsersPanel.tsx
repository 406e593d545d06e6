import { useState, type FormEvent } from 'react';
import { api } from '../api';
import type { Role } from '../auth';
import type { User } from '../types';
import type { Loaded } from '../use-api';
import { useRequest } from '../use-request';
import { Options } from './Options';
import { Problems } from './Problems';
import { ShownOnce } from './ShownOnce';
import { When } from './When';

const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];

function roleOf(value: string): Role {
  return ROLES.find((role) => role === value) ?? 'viewer';
}

/** Local accounts (admin): create (a generated password shown once), change role, disable, enable. */
export function UsersPanel({ users, myId }: { users: Loaded<{ items: User[] }>; myId: string }) {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState<{ username: string; password: string } | null>(null);
  const request = useRequest();
  const { busy, problems, submit } = request;

  /** A row's change (role, disable, enable), then the list as the server now has it. */
  const act = (work: () => Promise<unknown>) =>
    request.act(async () => {
      await work();
      users.reload();
    });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    await submit(async () => {
      const created = await api.post<{ user: User; password: string | null }>('/users', { username, role, ...(password ? { password } : {}) });
      setGenerated(created.password ? { username: created.user.username, password: created.password } : null);
      setUsername('');
      setPassword('');
      users.reload();
    });
  };

  return (
    <div className="users">
      {users.error && <p className="error">{users.error}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.items ?? []).map((user) => (
            <tr key={user.id} className={user.disabled ? 'disabled-row' : undefined}>
              <td>
                {user.username}
                {user.id === myId && <span className="muted"> (you)</span>}
              </td>
              <td>
                <select
                  aria-label={`Role of ${user.username}`}
                  value={user.role}
                  disabled={user.id === myId}
                  onChange={(e) => void act(() => api.post(`/users/${encodeURIComponent(user.id)}/role`, { role: roleOf(e.target.value) }))}
                >
                  <Options values={ROLES} />
                </select>
              </td>
              <td>{user.disabled ? <span className="badge action-hold">disabled</span> : 'active'}</td>
              <td>
                <When at={user.createdAt} dateOnly />
              </td>
              <td>
                {user.id !== myId &&
                  (user.disabled ? (
                    <button type="button" className="secondary small" aria-label={`Enable ${user.username}`} onClick={() => void act(() => api.post(`/users/${encodeURIComponent(user.id)}/enable`))}>
                      Enable
                    </button>
                  ) : (
                    <button type="button" className="danger small" aria-label={`Disable ${user.username}`} onClick={() => void act(() => api.post(`/users/${encodeURIComponent(user.id)}/disable`))}>
                      Disable
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {generated && <ShownOnce label={`Password for ${generated.username}`} secret={generated.password} onDismiss={() => setGenerated(null)} />}
      <form className="inline-form" aria-label="Create user" onSubmit={(event) => void create(event)}>
        <label>
          Username
          <input value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={64} autoComplete="off" />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(roleOf(e.target.value))} aria-label="Role">
            <Options values={ROLES} />
          </select>
        </label>
        <label>
          Password (empty: generate one)
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={12} autoComplete="new-password" />
        </label>
        <button type="submit" disabled={busy}>
          Create user
        </button>
      </form>
      <Problems problems={problems} />
    </div>
  );
}
