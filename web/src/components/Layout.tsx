import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { can, useAuth } from '../auth';

const PAGES: ReadonlyArray<{ to: string; label: string; end?: boolean }> = [
  { to: '/', label: 'Overview', end: true },
  { to: '/dashboards', label: 'Dashboards' },
  { to: '/emails', label: 'Emails' },
  { to: '/held', label: 'Held' },
  { to: '/people', label: 'People' },
];

export function Layout() {
  const { me, logout } = useAuth();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">belong</div>
        {PAGES.map((page) => (
          <NavLink key={page.to} to={page.to} end={page.end ?? false}>
            {page.label}
          </NavLink>
        ))}
        {can(me, 'admin') && <NavLink to="/settings">Settings</NavLink>}
        <NavLink to="/account">Account</NavLink>
        <div className="whoami">
          <span>
            {me?.user.username} · {me?.user.role}
          </span>
          <button type="button" className="link" onClick={() => void logout()}>
            Log out
          </button>
        </div>
      </nav>
      <main className="content">
        {/* Pages load as their own chunks; the navigation stays while one arrives. */}
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
