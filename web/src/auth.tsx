import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken, whenUnauthorised } from './api';

export type Role = 'admin' | 'analyst' | 'viewer';

export interface Me {
  readonly user: { readonly id: string; readonly username: string; readonly role: Role };
  readonly csrfToken: string | null;
}

interface AuthState {
  /** undefined while the first /auth/me is in flight; null when logged out. */
  readonly me: Me | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** True when the signed-in user's role is at least `role` (the server checks again). */
export function can(me: Me | null | undefined, role: Role): boolean {
  return Boolean(me && RANK[me.user.role] >= RANK[role]);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const remember = useCallback((value: Me | null) => {
    setCsrfToken(value?.csrfToken ?? null);
    setMe(value);
  }, []);
  useEffect(() => {
    whenUnauthorised(() => remember(null));
    api.get<Me>('/auth/me').then(remember, () => remember(null));
  }, [remember]);
  const login = useCallback(
    async (username: string, password: string) => {
      remember(await api.post<Me>('/auth/login', { username, password }));
    },
    [remember],
  );
  const logout = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    remember(null);
  }, [remember]);
  return <AuthContext.Provider value={{ me, login, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
