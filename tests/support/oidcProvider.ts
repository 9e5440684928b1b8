import http from "node:http";
import type { Principal } from "@samraad/access";
import type { TrustedIssuer } from "@samraad/gateway";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type ClientMetadata } from "oidc-provider";

/**
 * A real OpenID provider for the tests (`oidc-provider`, certified): the identity provider a
 * sector or a broker would run. It signs JWT access tokens for one resource, the gateway
 * (`audience`), with the claims our IdP agreement names (`name`, `sector`, `organisation`,
 * `roles`), for
 * - machine clients (client credentials: `sub` is the client id), and
 * - people signing in to the web app (authorization code with PKCE, a public client; the
 *   provider's own development login page, where the login name is the account id).
 * The gateway trusts it through the ordinary issuer configuration (`trusted`), with a
 * namespace and the sectors and organisations it may speak for.
 */
export interface TestProvider {
  issuer: string;
  tokenUrl: string;
  /** The gateway's audience, sent as the RFC 8707 resource indicator. */
  audience: string;
  trusted: TrustedIssuer;
  /** How many access tokens the token endpoint has issued, by client id. */
  issued: Map<string, number>;
  stop(): Promise<void>;
}

export type Claims = Omit<Principal, "sub">;

export interface MachineClient {
  clientId: string;
  clientSecret: string;
  claims: Claims;
  /** Access token lifetime in seconds (short ones show the refresh). */
  ttl?: number;
}

export async function startOidcProvider(options: {
  machines: MachineClient[];
  /** People by login name (the account id), for the web app's sign-in. */
  people?: Record<string, Claims>;
  /** The web app's origin: its public client `samraad-web` redirects to <origin>/auth/callback. */
  webOrigin?: string;
  namespace?: string;
  speaksFor: TrustedIssuer["speaksFor"];
  /** Where to listen (default: any free port): the web app is built with the issuer's URL before the provider starts. */
  port?: number;
}): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const audience = "https://samraad.test/graphql";
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "test-idp-1", alg: "ES256", use: "sig" };
  const machines = new Map(options.machines.map((m) => [m.clientId, m]));
  const people = options.people ?? {};
  const issued = new Map<string, number>();

  const clients: ClientMetadata[] = [
    ...options.machines.map((m) => ({
      client_id: m.clientId,
      client_secret: m.clientSecret,
      grant_types: ["client_credentials"],
      response_types: [] as ClientMetadata["response_types"],
      redirect_uris: [],
      token_endpoint_auth_method: "client_secret_basic" as const,
      id_token_signed_response_alg: "ES256" as const,
    })),
    ...(options.webOrigin
      ? [
          {
            client_id: "samraad-web",
            token_endpoint_auth_method: "none" as const,
            id_token_signed_response_alg: "ES256" as const,
            grant_types: ["authorization_code"],
            response_types: ["code"] as ClientMetadata["response_types"],
            redirect_uris: [`${options.webOrigin}/auth/callback`],
            post_logout_redirect_uris: [`${options.webOrigin}/login`],
          },
        ]
      : []),
  ];
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [signingKey] },
    features: {
      clientCredentials: { enabled: true },
      // The provider's own login and consent pages (a test IdP: any login name that is a known person).
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource, client) => {
          if (resource !== audience) throw new Error(`unknown resource ${resource}`);
          const ttl = machines.get(client.clientId)?.ttl ?? 600;
          return { audience, accessTokenFormat: "jwt", accessTokenTTL: ttl, scope: "samraad", jwt: { sign: { alg: "ES256" } } };
        },
      },
    },
    // A person must be known; their claims are ours, not theirs to type.
    findAccount: async (_ctx, id) => {
      const person = people[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: person.name }) };
    },
    extraTokenClaims: async (_ctx, token) => {
      const t = token as unknown as { clientId?: string; accountId?: string; kind: string };
      const claims = t.accountId ? people[t.accountId] : t.clientId ? machines.get(t.clientId)?.claims : undefined;
      if (t.clientId) issued.set(t.clientId, (issued.get(t.clientId) ?? 0) + 1);
      if (!claims) return undefined;
      return { name: claims.name, sector: claims.sector, organisation: claims.organisation, roles: [...claims.roles] };
    },
    claims: { openid: ["sub"], profile: ["name"] },
    // The web app (another origin) calls the token endpoint from the browser.
    clientBasedCORS: () => true,
    pkce: { required: () => true },
    // Person sessions end with the test; no refresh tokens.
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, IdToken: 600 },
  });
  provider.proxy = false;
  server.on("request", provider.callback());
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    audience,
    issued,
    trusted: {
      issuer,
      audience,
      jwks: `${issuer}/jwks`,
      namespace: options.namespace ?? "test-idp",
      speaksFor: options.speaksFor,
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
