import { env, TRACING_VARIABLES, tracesEndpoint, z } from "@samraad/config";
import { type PseudonymKey, pseudonymKey } from "./statisticsExtract.ts";

/**
 * The variables every subgraph reads, as zod pieces keyed by their names. Each subgraph's
 * src/config.ts spreads them (with its `<NAME>_HOST`/`_PORT`/`_DATABASE_URL`: subgraphVariables
 * or sectorVariables below) into its own schema beside its own variables, and turns the result
 * into its typed config with subgraphSettings() or sectorSettings().
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

/** A subgraph's own variables, named by its prefix: where it listens and its database. */
type OwnVariables<P extends string> = { [K in `${P}_HOST`]: typeof env.host } & {
  [K in `${P}_PORT`]: ReturnType<typeof env.port>;
} & { [K in `${P}_DATABASE_URL`]: typeof env.databaseUrl };

/** Their values, as subgraphSettings reads them. */
type OwnValues<P extends string> = Record<`${P}_HOST`, string> & Record<`${P}_PORT`, number> & Partial<Record<`${P}_DATABASE_URL`, string>>;

/**
 * SUBGRAPH_VARIABLES and the subgraph's own `<PREFIX>_HOST`, `<PREFIX>_PORT` (default `port`)
 * and `<PREFIX>_DATABASE_URL`: the start of each subgraph's schema (src/config.ts).
 */
export function subgraphVariables<P extends string>(prefix: P, port: number): typeof SUBGRAPH_VARIABLES & OwnVariables<P> {
  const own = { [`${prefix}_HOST`]: env.host, [`${prefix}_PORT`]: env.port(port), [`${prefix}_DATABASE_URL`]: env.databaseUrl };
  return { ...SUBGRAPH_VARIABLES, ...(own as OwnVariables<P>) };
}

/** The sectors' (municipality, police, health, børnehus): a subgraph's variables and SECTOR_VARIABLES. */
export function sectorVariables<P extends string>(
  prefix: P,
  port: number,
): typeof SUBGRAPH_VARIABLES & OwnVariables<P> & typeof SECTOR_VARIABLES {
  return { ...subgraphVariables(prefix, port), ...SECTOR_VARIABLES };
}

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

/** The start-up code's half of a subgraph's config, from the variables subgraphVariables(prefix) declared. */
export function subgraphSettings<P extends string>(vars: SubgraphVariables & OwnValues<P>, prefix: P): SubgraphConfig {
  // TypeScript does not resolve a generic template key (`${P}_HOST`) to its value's type; the
  // signature holds the types, the schema (subgraphVariables) the values.
  const own = vars as Record<string, unknown>;
  return {
    production: vars.NODE_ENV.production,
    listen: { host: own[`${prefix}_HOST`] as string, port: own[`${prefix}_PORT`] as number },
    databaseUrl: own[`${prefix}_DATABASE_URL`] as string | undefined,
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

/** What every sector is configured with: a subgraph's settings and the statistics pseudonym key. */
export interface SectorConfig extends SubgraphConfig {
  /** SAMRAAD_PSEUDONYM_KEY: the statistics extraction's pseudonyms and cursors; null: not configured. */
  pseudonymKey: PseudonymKey | null;
}

/** A sector's settings, from the variables sectorVariables(prefix) declared. */
export function sectorSettings<P extends string>(
  vars: SubgraphVariables & OwnValues<P> & { SAMRAAD_PSEUDONYM_KEY?: string },
  prefix: P,
): SectorConfig {
  return { ...subgraphSettings(vars, prefix), pseudonymKey: pseudonymKey(vars.SAMRAAD_PSEUDONYM_KEY) };
}

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
