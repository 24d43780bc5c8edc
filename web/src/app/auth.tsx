// The signed-in user: the session token lives in localStorage, the user comes from GET /auth/me.
// Logging out ends the session on the server and forgets every cached answer.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api, data, session, type Schemas } from '@/api/client';
import { takeLoginChoice } from '@/i18n/languages';
import { can, type Capability } from './access';

interface AuthState {
  user: Schemas['User'] | null;
  loading: boolean;
  can: (capability: Capability) => boolean;
  signIn: (answer: Schemas['LoginResponse']) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export const meKey = ['auth', 'me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const hasToken = session.token() !== null;
  const me = useQuery({
    queryKey: meKey,
    queryFn: () => data(api.GET('/auth/me')),
    enabled: hasToken,
    staleTime: 5 * 60_000,
    retry: false,
  });

  const signIn = useCallback(
    (answer: Schemas['LoginResponse']) => {
      session.set(answer.token);
      let user = answer.user;
      const chosen = takeLoginChoice();
      if (chosen && chosen !== user.language) {
        user = { ...user, language: chosen };
        // Stored for next time; this session uses it either way.
        void api.PATCH('/auth/me', { body: { language: chosen } }).catch(() => undefined);
      }
      queryClient.setQueryData(meKey, user);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.POST('/auth/logout');
    } catch {
      /* the session ends locally whatever the server says */
    }
    session.clear();
    queryClient.clear();
    queryClient.setQueryData(meKey, null);
  }, [queryClient]);

  const value = useMemo<AuthState>(() => {
    const user = hasToken ? (me.data ?? null) : null;
    return {
      user,
      loading: hasToken && me.isPending,
      can: (capability) => can(user?.roles, capability),
      signIn,
      signOut,
    };
  }, [hasToken, me.data, me.isPending, signIn, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
