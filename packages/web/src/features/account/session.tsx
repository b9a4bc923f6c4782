import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, setCsrfToken } from '../../lib/api';
import { SessionProvider, type Session, type SessionUser } from '../../lib/session';
import { authApi } from './api';

/**
 * The real session behind `useSession()` (lib/session): asks `/api/auth/me` once on start, keeps the
 * CSRF token for writes, and offers login/register/logout to the account pages. Offline or
 * without a server everyone is simply anonymous: forecasts never depend on an account.
 */
export interface Account {
  status: 'loading' | 'ready';
  user: SessionUser | null;
  login(email: string, password: string): Promise<SessionUser>;
  register(email: string, password: string, name?: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** Forget the user locally, e.g. after a 401 says the session has expired. */
  expire(): void;
}

const AccountContext = createContext<Account | null>(null);

export function AccountProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Account['status']>('loading');
  const [session, setSession] = useState<Session | null>(null);

  const adopt = useCallback((user: SessionUser | null, csrf: string | null) => {
    setCsrfToken(user ? csrf : null);
    setSession(user ? { user, csrfToken: csrf } : null);
  }, []);

  useEffect(() => {
    let live = true;
    authApi
      .me()
      .then((me) => {
        if (live) adopt(me?.user ?? null, me?.csrfToken ?? null);
      })
      .catch(() => {
        if (live) adopt(null, null);
      })
      .finally(() => {
        if (live) setStatus('ready');
      });
    return () => {
      live = false;
    };
  }, [adopt]);

  const login = useCallback(
    async (email: string, password: string) => {
      const reply = await authApi.login({ email, password });
      adopt(reply.user, reply.csrfToken);
      return reply.user;
    },
    [adopt],
  );

  const register = useCallback(
    async (email: string, password: string, name?: string) => {
      await authApi.register({ email, password, ...(name ? { name } : {}) });
      return login(email, password);
    },
    [login],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch (err) {
      // An already-expired session is logged out as far as the user is concerned.
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    } finally {
      adopt(null, null);
    }
  }, [adopt]);

  const expire = useCallback(() => adopt(null, null), [adopt]);

  const account = useMemo<Account>(
    () => ({ status, user: session?.user ?? null, login, register, logout, expire }),
    [status, session, login, register, logout, expire],
  );

  return (
    <AccountContext.Provider value={account}>
      <SessionProvider value={session}>{children}</SessionProvider>
    </AccountContext.Provider>
  );
}

const anonymous: Account = {
  status: 'ready',
  user: null,
  login: () => Promise.reject(new Error('No account provider')),
  register: () => Promise.reject(new Error('No account provider')),
  logout: () => Promise.resolve(),
  expire: () => undefined,
};

export function useAccount(): Account {
  return useContext(AccountContext) ?? anonymous;
}
