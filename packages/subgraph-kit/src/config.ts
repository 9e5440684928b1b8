import { env, TRACING_VARIABLES, tracesEndpoint, z } from "@samraad/config";

/**
 * The variables every subgraph reads, as zod pieces keyed by their names. Each subgraph's
 * src/config.ts spreads them into its own schema beside its own variables and its
 * `<NAME>_HOST`/`_PORT`/`_DATABASE_URL`, and turns the result into its typed config with
 * subgraphSettings().
 */
export const SUBGRAPH_VARIABLES = {
  NODE_ENV: env.nodeEnv,
  SAMRAAD_CLOCK_START: env.instant,
  SAMRAAD_DATA_DIR: env.text,
  SAMRAAD_INTERNAL_PUBLIC_KEYS: env.required(env.publicKeys(2), "the gateway's Ed25519 public key or keys (SPKI PEM)"),
  SAMRAAD_GRANT_PUBLIC_KEY: env.required(env.publicKeys(1), "the børnehus's case grant key (Ed25519 SPKI PEM)"),
  SAMRAAD_IDEMPOTENCY_KEY_HOURS: env.wholeNumber({
    min: 1,
    max: 24 * 365,
    fallback: 72,
    expects: "a number of hours from 1 to 8760",
  }),
  SAMRAAD_AUDIT_CHECKPOINT_DIR: env.text,
  SAMRAAD_AUDIT_CHECKPOINT_KEY: env.privateKey,
  SAMRAAD_AUDIT_CHECKPOINT_EVERY: env.wholeNumber({ min: 1, max: 1_000_000, fallback: 100, expects: "a number of audit entries from 1" }),
  SAMRAAD_AUDIT_CHECKPOINT_MINUTES: env.everyMinutes(5),
  SAMRAAD_LOG_LEVEL: env.logLevel,
  ...TRACING_VARIABLES,
  // Any value: each step of a subgraph's shutdown logs how long it took (a slow stop in the tests).
  SAMRAAD_DEBUG_SHUTDOWN: env.text,
};

type SubgraphVariables = z.output<z.ZodObject<typeof SUBGRAPH_VARIABLES>>;

/** What every subgraph is configured with: the start-up code's half of its config. */
export interface SubgraphConfig {
  production: boolean;
  listen: { host: string; port: number };
  /** Its own PostgreSQL; unset: PGlite under `dataDir` (default .data/<name>). */
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  /** The instant the service's clock starts at (tests and demos); unset: the machine's clock. */
  clockStart: Date | undefined;
  internalPublicKeys: string[];
  grantPublicKey: string;
  /** Only where grants are issued (the børnehus). */
  grantPrivateKey: string | undefined;
  idempotencyKeyHours: number;
  /** Signed audit checkpoints; null when off. */
  checkpoints: { dir: string; privateKey: string; everyEntries: number; everyMs: number } | null;
  /** Where spans go (OTEL_EXPORTER_OTLP_*); undefined: no tracing. */
  tracesEndpoint: string | undefined;
  /** SAMRAAD_DEBUG_SHUTDOWN: log how long each step of the stop takes. */
  debugShutdown: boolean;
}

/**
 * Checks that involve more than one variable: the clock may not be moved in production (it
 * would stretch emergency access and grace periods), and a checkpoint folder needs its key.
 */
export function refineSubgraphVariables(vars: SubgraphVariables, ctx: z.RefinementCtx): void {
  if (vars.NODE_ENV.production && vars.SAMRAAD_CLOCK_START) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["SAMRAAD_CLOCK_START"], message: "must not be set with NODE_ENV=production" });
  }
  if (vars.SAMRAAD_AUDIT_CHECKPOINT_DIR && !vars.SAMRAAD_AUDIT_CHECKPOINT_KEY) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["SAMRAAD_AUDIT_CHECKPOINT_KEY"],
      message: "must be set with SAMRAAD_AUDIT_CHECKPOINT_DIR (the subgraph's Ed25519 private key, PKCS8 PEM)",
    });
  }
}

export function subgraphSettings(
  vars: SubgraphVariables,
  own: { host: string; port: number; databaseUrl: string | undefined },
): SubgraphConfig {
  return {
    production: vars.NODE_ENV.production,
    listen: { host: own.host, port: own.port },
    databaseUrl: own.databaseUrl,
    dataDir: vars.SAMRAAD_DATA_DIR,
    clockStart: vars.SAMRAAD_CLOCK_START,
    internalPublicKeys: vars.SAMRAAD_INTERNAL_PUBLIC_KEYS,
    grantPublicKey: vars.SAMRAAD_GRANT_PUBLIC_KEY[0] as string,
    grantPrivateKey: undefined,
    idempotencyKeyHours: vars.SAMRAAD_IDEMPOTENCY_KEY_HOURS,
    checkpoints:
      vars.SAMRAAD_AUDIT_CHECKPOINT_DIR && vars.SAMRAAD_AUDIT_CHECKPOINT_KEY
        ? {
            dir: vars.SAMRAAD_AUDIT_CHECKPOINT_DIR,
            privateKey: vars.SAMRAAD_AUDIT_CHECKPOINT_KEY,
            everyEntries: vars.SAMRAAD_AUDIT_CHECKPOINT_EVERY,
            everyMs: vars.SAMRAAD_AUDIT_CHECKPOINT_MINUTES as number,
          }
        : null,
    tracesEndpoint: tracesEndpoint(vars),
    debugShutdown: Boolean(vars.SAMRAAD_DEBUG_SHUTDOWN),
  };
}

/**
 * The sectors' statistics pseudonym key (never the statistics service's): checked at start
 * (a key shorter than 32 characters stops it) and parsed there (pseudonymKey() in
 * statisticsExtract.ts) into the config and the request context; unset, the statistics
 * extraction answers that it is not configured.
 */
export const SECTOR_VARIABLES = {
  SAMRAAD_PSEUDONYM_KEY: env.secret(32),
};

/** The alert workers' variables (police, børnehus, municipality). */
export const ALERT_VARIABLES = {
  SAMRAAD_ALERT_SCAN_MINUTES: env.everyMinutes(5),
  SAMRAAD_WEBHOOK_ALLOWED_NETWORKS: env.list("CIDRs separated by commas, such as 10.20.0.0/16,127.0.0.1/32", cidr),
};

function cidr(text: string): string | undefined {
  const [address, bits] = text.split("/");
  const family = address ? (address.includes(":") ? 6 : /^\d+\.\d+\.\d+\.\d+$/.test(address) ? 4 : 0) : 0;
  const max = family === 6 ? 128 : 32;
  const prefix = bits === undefined ? max : Number(bits);
  return family !== 0 && Number.isInteger(prefix) && prefix >= 0 && prefix <= max ? text : undefined;
}
