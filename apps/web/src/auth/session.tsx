import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

/** Who is signed in, read from the access token's claims (for the UI only: the gateway verifies the token). */
export interface SessionUser {
  sub: string;
  name: string;
  sector: string;
  organisation: string;
  roles: string[];
}

export interface Session {
  token: string;
  user: SessionUser;
  method: "dev" | "oidc";
  /** Epoch milliseconds when the token expires. */
  expiresAt: number;
}

export type LogoutReason = "user" | "idle" | "expired";

// sessionStorage, not localStorage: the session ends with the tab, and other tabs do not inherit it.
const STORAGE_KEY = "samraad.session";

/** The claims of a JWT, without verifying it: the gateway does that on every request. */
export function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("not a JWT");
  const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

export function sessionFromToken(token: string, method: Session["method"]): Session {
  const claims = decodeClaims(token);
  return {
    token,
    method,
    expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : Date.now() + 3600_000,
    user: {
      sub: String(claims.sub ?? ""),
      name: String(claims.name ?? claims.sub ?? ""),
      sector: String(claims.sector ?? ""),
      organisation: String(claims.organisation ?? ""),
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
    },
  };
}

function storedSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

interface SessionState {
  session: Session | null;
  /** Why the last session ended, for the login page to say so. */
  lastLogout: LogoutReason | null;
  signIn(session: Session): void;
  signOut(reason: LogoutReason): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const [lastLogout, setLastLogout] = useState<LogoutReason | null>(null);
  const signIn = useCallback((next: Session) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setLastLogout(null);
    setSession(next);
  }, []);
  const signOut = useCallback((reason: LogoutReason) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setLastLogout(reason);
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, lastLogout, signIn, signOut }), [session, lastLogout, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}

/** The signed-in user; only for components under the signed-in layout. */
export function useUser(): SessionUser {
  const { session } = useSession();
  if (!session) throw new Error("no session");
  return session.user;
}
