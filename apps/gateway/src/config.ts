import { env, TRACING_VARIABLES, tracesEndpoint, z } from "@samraad/config";
import { SUBGRAPHS, type SubgraphName } from "./compose/subgraphs.ts";
import { type GatewayLimits, LIMIT_ENV } from "./hardening/limits.ts";
import { parseIssuers, type TrustedIssuer } from "./identity/verifier.ts";

/**
 * The gateway's environment: parsed once at start-up (server.ts), typed from then on. The
 * checks that already had their own parsers (the limits, trusted documents, the issuers, the
 * planner) are pieces of this schema: each refusal names its variable.
 */
const limitVariables = Object.fromEntries(
  Object.values(LIMIT_ENV).map(({ env: name, fallback }) => [
    name,
    env.wholeNumber({ min: 0, max: Number.MAX_SAFE_INTEGER, fallback, expects: "a whole number ≥ 0" }),
  ]),
);
const subgraphVariables = Object.fromEntries(
  SUBGRAPHS.flatMap((s) => [
    [`${s.name.toUpperCase()}_URL`, env.httpUrl],
    [`${s.name.toUpperCase()}_PORT`, env.port(s.port)],
  ]),
);

export const gatewayEnvironment = z
  .object({
    ...limitVariables,
    ...subgraphVariables,
    ...TRACING_VARIABLES,
    NODE_ENV: env.nodeEnv,
    GATEWAY_HOST: env.host,
    GATEWAY_PORT: env.port(4000),
    SAMRAAD_INTERNAL_SIGNING_KEY: env.required(env.privateKey, "the gateway's Ed25519 private key (PKCS8 PEM)"),
    SAMRAAD_DEV_ISSUER: env.oneOf(["1", "0", ""], ""),
    SAMRAAD_OIDC_ISSUERS: env.text,
    SAMRAAD_TRUSTED_DOCUMENTS: env.text,
    SAMRAAD_RATE_LIMIT_DATABASE_URL: env.databaseUrl,
    SAMRAAD_TRUSTED_PROXY_HOPS: env.wholeNumber({ min: 0, max: 5, fallback: 0, expects: "the number of proxies in front, 0 to 5" }),
    SAMRAAD_QUERY_PLANNER: env.oneOf(["rust", "javascript"], "rust"),
    SAMRAAD_GATEWAY_LOG: env.oneOf(["error", "warn", "info", "debug"], "warn"),
    // Read by the logger itself (packages/observability/src/logger.ts); declared so a wrong level stops the start.
    SAMRAAD_LOG_LEVEL: env.logLevel,
  })
  .superRefine((vars, ctx) => {
    const refuse = (variable: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [variable], message });
    const production = vars.NODE_ENV.production;
    if (vars.SAMRAAD_DEV_ISSUER === "1") {
      if (production)
        refuse("SAMRAAD_DEV_ISSUER", "must not be 1 with NODE_ENV=production: the development issuer never runs in production");
      if (vars.SAMRAAD_OIDC_ISSUERS) refuse("SAMRAAD_DEV_ISSUER", "must not be 1 beside SAMRAAD_OIDC_ISSUERS: choose one");
    } else if (!vars.SAMRAAD_OIDC_ISSUERS) {
      refuse("SAMRAAD_OIDC_ISSUERS", "must be set to the trusted issuers (or SAMRAAD_DEV_ISSUER=1, outside production only)");
    }
    if (vars.SAMRAAD_OIDC_ISSUERS) {
      try {
        parseIssuers(vars.SAMRAAD_OIDC_ISSUERS);
      } catch (error) {
        refuse(
          "SAMRAAD_OIDC_ISSUERS",
          `must be a JSON list of trusted issuers (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
    if (production && !vars.SAMRAAD_TRUSTED_DOCUMENTS) {
      refuse("SAMRAAD_TRUSTED_DOCUMENTS", "must be set to the web app's persisted-documents.json in production");
    }
  })
  .transform((vars) => {
    const number = (name: string) => vars[name] as number;
    const limits = Object.fromEntries(
      Object.entries(LIMIT_ENV).map(([key, { env: name }]) => [key, number(name)]),
    ) as unknown as GatewayLimits;
    return {
      production: vars.NODE_ENV.production,
      listen: { host: vars.GATEWAY_HOST, port: vars.GATEWAY_PORT },
      /** Where each subgraph (or its load balancer) is: <NAME>_URL, else 127.0.0.1 on <NAME>_PORT. */
      subgraphUrls: Object.fromEntries(
        SUBGRAPHS.map((s) => {
          const prefix = s.name.toUpperCase();
          return [s.name, (vars[`${prefix}_URL`] as string | undefined) ?? `http://127.0.0.1:${number(`${prefix}_PORT`)}/graphql`];
        }),
      ) as Record<SubgraphName, string>,
      queryPlanner: vars.SAMRAAD_QUERY_PLANNER,
      limits,
      rateLimitDatabaseUrl: vars.SAMRAAD_RATE_LIMIT_DATABASE_URL,
      trustedProxyHops: vars.SAMRAAD_TRUSTED_PROXY_HOPS,
      trustedDocuments: vars.SAMRAAD_TRUSTED_DOCUMENTS,
      devIssuer: vars.SAMRAAD_DEV_ISSUER === "1",
      issuers: vars.SAMRAAD_OIDC_ISSUERS ? parseIssuers(vars.SAMRAAD_OIDC_ISSUERS) : ([] as TrustedIssuer[]),
      internalSigningKey: vars.SAMRAAD_INTERNAL_SIGNING_KEY,
      hiveLogLevel: vars.SAMRAAD_GATEWAY_LOG,
      tracesEndpoint: tracesEndpoint(vars),
    };
  });

export type GatewayConfig = z.output<typeof gatewayEnvironment>;
