import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';

export type Role = 'admin' | 'city_editor' | 'city_viewer' | 'org_editor';

export type RoleGrant =
  | { role: 'admin' }
  | { role: 'city_editor'; cityId: number }
  | { role: 'city_viewer'; cityId: number }
  | { role: 'org_editor'; organizationId: number };

/** The signed-in user, as GET /api/auth/me answers. */
export interface Me {
  id: number;
  email: string;
  displayName: string;
  locale: string;
  roles: RoleGrant[];
  csrfToken: string | null;
  /** Set while the account still has a password someone else chose (the first administrator's). */
  mustChangePassword?: boolean;
  /** The partner cities the user's cities keep: their institutions and people are the user's too. */
  partnerCityIds?: number[];
}

interface AuthState {
  /** undefined while the first /auth/me is loading; null when nobody is signed in. */
  me: Me | null | undefined;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  /** Reloads the signed-in user (after a password change). */
  refresh(): Promise<void>;
  /**
   * The password just typed at sign-in when it must be changed (a one-time password), so the
   * set-password page need not ask for it again; kept in memory only, gone on reload.
   */
  signInPassword(): string | null;
  /** Forgets that password (once changed). */
  forgetSignInPassword(): void;
}

const AuthContext = createContext<AuthState | null>(null);

function remember(me: Me | null): Me | null {
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const typed = useRef<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setMe(remember(await api.get<Me>('/auth/me')));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setMe(remember(null));
      else throw error;
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(remember(null)));
    refresh().catch(() => setMe(remember(null)));
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      refresh,
      async signIn(email, password) {
        const signedIn = await api.post<Me>('/auth/session', { email, password });
        typed.current = signedIn.mustChangePassword ? password : null;
        setMe(remember(signedIn));
        return signedIn;
      },
      signInPassword: () => typed.current,
      forgetSignInPassword() {
        typed.current = null;
      },
      async signOut() {
        typed.current = null;
        try {
          await api.delete('/auth/session');
        } finally {
          setMe(remember(null));
        }
      },
    }),
    [me, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user; only inside the signed-in part of the application. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

/** The roles (without scopes) the user holds. */
export function rolesOf(me: Me): Role[] {
  return [...new Set(me.roles.map((grant) => grant.role))];
}

/** Whether the user may write anything at all (viewers may not). */
export function canWrite(me: Me): boolean {
  return me.roles.some((grant) => grant.role !== 'city_viewer');
}
