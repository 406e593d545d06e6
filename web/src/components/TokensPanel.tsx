import { useState, type FormEvent } from 'react';
import { api } from '../api';
import type { ApiToken } from '../types';
import { useApi } from '../use-api';
import { useRequest } from '../use-request';
import { Problems } from './Problems';
import { ShownOnce } from './ShownOnce';
import { When } from './When';

interface TokensPanelProps {
  /** Only this user's tokens (the server gives an admin everyone's); null lists all it gives. */
  readonly userId: string | null;
  /** Offer the form that creates a token for the signed-in user. */
  readonly canCreate: boolean;
  /** user id → username, to show whose token each is (the admin's list). */
  readonly ownerNames?: ReadonlyMap<string, string>;
}

/** API tokens: list, revoke, and (for your own) create, with the secret shown once. */
export function TokensPanel({ userId, canCreate, ownerNames }: TokensPanelProps) {
  const tokens = useApi(() => api.get<{ items: ApiToken[] }>('/tokens'), []);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, problems, submit, act } = useRequest();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    await submit(async () => {
      const created = await api.post<{ token: ApiToken; secret: string }>('/tokens', { name, scope });
      setSecret(created.secret);
      setName('');
      tokens.reload();
    });
  };

  const revoke = (token: ApiToken) =>
    act(async () => {
      await api.post(`/tokens/${encodeURIComponent(token.id)}/revoke`);
      tokens.reload();
    });

  const items = (tokens.data?.items ?? []).filter((t) => userId === null || t.userId === userId);
  return (
    <div className="tokens">
      {tokens.error && <p className="error">{tokens.error}</p>}
      {items.length === 0 && !tokens.loading ? (
        <p className="muted">No API tokens.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              {ownerNames && <th scope="col">Owner</th>}
              <th scope="col">Scope</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                {ownerNames && <td>{ownerNames.get(token.userId) ?? token.userId}</td>}
                <td>{token.scope === 'read' ? 'read only' : 'read and write'}</td>
                <td>
                  <When at={token.createdAt} />
                </td>
                <td>
                  {token.revokedAt === null ? (
                    'active'
                  ) : (
                    <span className="muted">
                      revoked <When at={token.revokedAt} />
                    </span>
                  )}
                </td>
                <td>
                  {token.revokedAt === null && (
                    <button type="button" className="danger small" aria-label={`Revoke token ${token.name}`} onClick={() => void revoke(token)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {secret && <ShownOnce label="New API token" secret={secret} onDismiss={() => setSecret(null)} />}
      {canCreate && (
        <form className="inline-form" aria-label="Create API token" onSubmit={(event) => void create(event)}>
          <label>
            Token name
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} />
          </label>
          <label>
            Scope
            <select value={scope} onChange={(e) => setScope(e.target.value === 'write' ? 'write' : 'read')} aria-label="Scope">
              <option value="read">read only</option>
              <option value="write">read and write</option>
            </select>
          </label>
          <button type="submit" disabled={busy}>
            Create token
          </button>
        </form>
      )}
      <Problems problems={problems} />
    </div>
  );
}
