import { type OidcClientSettings, UserManager, WebStorageStateStore } from "oidc-client-ts";

/**
 * OIDC authorization code flow with PKCE (oidc-client-ts makes the code verifier and
 * the S256 challenge), for every environment but development. The issuer is the
 * organisation's IdP (KOMBIT's Context Handler, the police's, the regions'), set at
 * build time; the gateway verifies the access token it returns.
 */
export interface OidcConfig {
  authority: string;
  clientId: string;
  scope?: string;
}

export function oidcConfig(): OidcConfig | null {
  const authority = import.meta.env.VITE_OIDC_AUTHORITY as string | undefined;
  const clientId = import.meta.env.VITE_OIDC_CLIENT_ID as string | undefined;
  if (!authority || !clientId) return null;
  return { authority, clientId, scope: (import.meta.env.VITE_OIDC_SCOPE as string | undefined) ?? "openid profile" };
}

export function oidcSettings(config: OidcConfig, origin: string): OidcClientSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/login`,
    response_type: "code",
    scope: config.scope ?? "openid profile",
  };
}

export function createUserManager(config: OidcConfig): UserManager {
  return new UserManager({
    ...oidcSettings(config, window.location.origin),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Our own idle timeout ends the session; no silent renewal behind the user's back.
    automaticSilentRenew: false,
  });
}
