/**
 * Every limit the gateway enforces, read from the environment once at start-up (src/config.ts).
 * The defaults are meant for production: the web app's largest operation (the case
 * view) stays well inside them, and a hostile document does not. README's
 * configuration table lists each variable; bench sets generous rate limits for its runs.
 */
export interface GatewayLimits {
  /** Deepest selection nesting (fragments flattened). */
  maxDepth: number;
  /** Aliases per operation (alias amplification). */
  maxAliases: number;
  /** Lexical tokens per document: bounds parse work before anything else runs. */
  maxTokens: number;
  /** Directives per operation (directive overloading). */
  maxDirectives: number;
  /** graphql-armor cost (objects 2, scalars 1, times depth factor). */
  maxCost: number;
  /** Request body bytes (and URL length for GET). */
  maxRequestBytes: number;
  /** Operations per HTTP batch; 0 = batching off. */
  maxBatch: number;
  /** Per-principal requests per window for people, and for sector systems (machine clients). */
  rateLimitPerWindow: number;
  systemRateLimitPerWindow: number;
  /** Requests per window from one address without a token (survey respondents), before their shared budget. */
  surveyRateLimitPerAddress: number;
  rateLimitWindowSeconds: number;
  /** Each subgraph call is cancelled after this long (the sector's part then fails alone). */
  upstreamTimeoutMs: number;
  /** Hard end-to-end limit for a whole request. */
  requestDeadlineMs: number;
}

export const LIMIT_ENV: Record<keyof GatewayLimits, { env: string; fallback: number }> = {
  maxDepth: { env: "SAMRAAD_MAX_DEPTH", fallback: 12 },
  maxAliases: { env: "SAMRAAD_MAX_ALIASES", fallback: 15 },
  maxTokens: { env: "SAMRAAD_MAX_TOKENS", fallback: 5_000 },
  maxDirectives: { env: "SAMRAAD_MAX_DIRECTIVES", fallback: 20 },
  maxCost: { env: "SAMRAAD_MAX_COST", fallback: 50_000 },
  maxRequestBytes: { env: "SAMRAAD_MAX_REQUEST_BYTES", fallback: 64 * 1024 },
  maxBatch: { env: "SAMRAAD_MAX_BATCH", fallback: 0 },
  rateLimitPerWindow: { env: "SAMRAAD_RATE_LIMIT", fallback: 300 },
  systemRateLimitPerWindow: { env: "SAMRAAD_RATE_LIMIT_SYSTEM", fallback: 3_000 },
  surveyRateLimitPerAddress: { env: "SAMRAAD_RATE_LIMIT_SURVEY_ADDRESS", fallback: 30 },
  rateLimitWindowSeconds: { env: "SAMRAAD_RATE_LIMIT_WINDOW_SECONDS", fallback: 60 },
  upstreamTimeoutMs: { env: "SAMRAAD_UPSTREAM_TIMEOUT_MS", fallback: 10_000 },
  requestDeadlineMs: { env: "SAMRAAD_REQUEST_DEADLINE_MS", fallback: 30_000 },
};

/** Each limit's default (the gateway's config reads the variables, src/config.ts). */
export const DEFAULT_LIMITS: GatewayLimits = Object.fromEntries(
  Object.entries(LIMIT_ENV).map(([key, { fallback }]) => [key, fallback]),
) as unknown as GatewayLimits;
