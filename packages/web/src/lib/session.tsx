import { createContext, useContext, type ReactNode } from 'react';

/** The signed-in user as `/api/auth/me` returns it. */
export interface SessionUser {
  id: string;
  email: string;
  name?: string | null;
  role: 'student' | 'instructor' | 'admin';
}

export interface Session {
  user: SessionUser;
  csrfToken: string | null;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Accounts are built in features/account on top of this: it replaces the provider's value
 * (e.g. from `/api/auth/me`). Until then everyone is anonymous and forecasts need no login.
 */
export function SessionProvider({
  value = null,
  children,
}: {
  value?: Session | null;
  children: ReactNode;
}) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session | null {
  return useContext(SessionContext);
}
