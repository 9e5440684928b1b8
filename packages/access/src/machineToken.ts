/**
 * Bearer tokens of the machine clients (the statistics extractor, the municipality's alert
 * workers): where a worker gets the token it sends to the gateway.
 */
export type TokenSource = () => Promise<string>;

/** How long a development token is reused: well inside the development issuer's lifetime. */
const DEV_TOKEN_REUSE_MS = 3_600_000;

/**
 * The gateway's development issuer's token for one persona (outside production only),
 * fetched again when the one held is an hour old. The machine's clock times it: a token's
 * lifetime is the issuer's, in real time, whatever the service's domain clock says.
 */
export function devIssuerToken(gatewayUrl: string, persona: string, onRefusal: (status: number) => Error): TokenSource {
  let cached: { token: string; until: number } | null = null;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.token;
    const res = await fetch(new URL("/dev/token", gatewayUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona }),
    });
    if (!res.ok) throw onRefusal(res.status);
    const { token } = (await res.json()) as { token: string };
    cached = { token, until: Date.now() + DEV_TOKEN_REUSE_MS };
    return token;
  };
}

/** A machine client registered at its identity provider (OAuth 2.0 client credentials). */
export interface ClientCredentials {
  /** The provider's token endpoint. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for (optional). */
  scope?: string;
  /** RFC 8707 resource indicator: the API the token is for (the gateway's audience), if the provider wants one. */
  resource?: string;
}

export interface ClientCredentialsOptions {
  /** Refresh when less than this share of the token's lifetime is left (0.2: a 5-minute token at 1 minute left). */
  refreshAtRemaining?: number;
  /** …and at least this many ms before it expires, so a request under way never carries an expired token. */
  minimumMarginMs?: number;
  /** Real time in ms (tests move it). */
  now?: () => number;
  onRefresh?: (token: { expiresAt: number }) => void;
}

export class TokenRequestError extends Error {}

/**
 * A machine client's bearer token from its identity provider's client-credentials grant,
 * fetched again before it expires: when a fifth of its lifetime is left (at least 30 s),
 * not after the gateway has refused it. Concurrent callers share one request to the
 * provider. The client authenticates with HTTP Basic (client_secret_basic, RFC 6749 2.3.1).
 * A token without `expires_in` is used for a minute at most.
 */
export function clientCredentialsToken(client: ClientCredentials, options: ClientCredentialsOptions = {}): TokenSource {
  const now = options.now ?? Date.now;
  const share = options.refreshAtRemaining ?? 0.2;
  const margin = options.minimumMarginMs ?? 30_000;
  let held: { token: string; refreshAt: number; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  const fetchToken = async (): Promise<string> => {
    const body = new URLSearchParams({ grant_type: "client_credentials" });
    if (client.scope) body.set("scope", client.scope);
    if (client.resource) body.set("resource", client.resource);
    const basic = Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64");
    const requestedAt = now();
    const res = await fetch(client.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
      body,
    });
    const answer = (await res.json().catch(() => null)) as { access_token?: string; expires_in?: number; error?: string } | null;
    if (!res.ok || !answer?.access_token) {
      throw new TokenRequestError(
        `The identity provider refused a token for client ${client.clientId}: ${answer?.error ?? `HTTP ${res.status}`}`,
      );
    }
    const lifetimeMs = typeof answer.expires_in === "number" && answer.expires_in > 0 ? answer.expires_in * 1000 : 60_000;
    const expiresAt = requestedAt + lifetimeMs;
    const early = Math.max(lifetimeMs * share, Math.min(margin, lifetimeMs / 2));
    held = { token: answer.access_token, refreshAt: expiresAt - early, expiresAt };
    options.onRefresh?.({ expiresAt });
    return answer.access_token;
  };
  return async () => {
    if (held && now() < held.refreshAt) return held.token;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  };
}
