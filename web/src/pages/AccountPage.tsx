import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAuth } from '../auth';
import { Problems } from '../components/Problems';
import { TokensPanel } from '../components/TokensPanel';
import { useRequest } from '../use-request';

const MIN_PASSWORD = 12;

/** Everyone's own account: change password, own API tokens. */
export function AccountPage() {
  const { me } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [changed, setChanged] = useState(false);
  const { busy, problems, setProblems, submit } = useRequest();

  const change = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    const local: string[] = [];
    if (next.length < MIN_PASSWORD) local.push(`the new password needs at least ${MIN_PASSWORD} characters`);
    if (next !== repeat) local.push('the two new passwords differ');
    if (local.length > 0) {
      setProblems(local);
      return;
    }
    await submit(async () => {
      await api.post('/auth/password', { current, next });
      setChanged(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    });
  };

  if (!me) return null;
  return (
    <>
      <h1>Account</h1>
      <p>
        Signed in as <strong>{me.user.username}</strong> ({me.user.role}).
      </p>
      <section className="panel" aria-labelledby="account-password">
        <h2 id="account-password">Change password</h2>
        <form className="stacked-form" aria-label="Change password" onSubmit={(event) => void change(event)}>
          <label>
            Current password
            <input type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" />
          </label>
          <label>
            New password (at least {MIN_PASSWORD} characters)
            <input type="password" value={next} onChange={(e) => setNext(e.target.value)} required autoComplete="new-password" />
          </label>
          <label>
            Repeat new password
            <input type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required autoComplete="new-password" />
          </label>
          <Problems problems={problems} />
          {changed && (
            <p role="status" className="ok">
              Password changed. Your other sessions have been signed out.
            </p>
          )}
          <div>
            <button type="submit" disabled={busy}>
              Change password
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="account-tokens">
        <h2 id="account-tokens">My API tokens</h2>
        <p className="muted">A token acts as you, with your role; a read-only token can only read.</p>
        <TokensPanel userId={me.user.id} canCreate />
      </section>
    </>
  );
}
