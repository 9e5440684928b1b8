import type { z } from "zod";

/** The environment as a process sees it: variable name → text. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * A configuration the environment does not satisfy. `problems` holds one line per wrong
 * variable, each naming it and what it expects: `SAMRAAD_EMERGENCY_ACCESS_HOURS must be a
 * number of hours between 1 and 24, got "0"`.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/**
 * Parses `env` with a service's schema (an object keyed by variable names, see pieces.ts).
 * Every wrong variable is reported at once, not only the first. `env` defaults to the
 * process's: this package is where the environment is read (scripts/lintEnv.ts).
 */
export function parseConfig<S extends z.ZodTypeAny>(schema: S, env: Environment = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? "environment");
    const raw = env[variable];
    const got = raw === undefined || raw === "" ? "it is not set" : `got ${JSON.stringify(raw)}`;
    return `${variable} ${issue.message}, ${got}`;
  });
  throw new ConfigError(problems);
}

/**
 * For a service's src/server.ts: the configuration from the process's environment, read
 * once. A wrong value stops the start with one line per variable on stderr and exit code 1
 * (never a stack trace: the operator needs the variable, not our call stack).
 */
export function loadConfig<S extends z.ZodTypeAny>(service: string, schema: S, env: Environment = process.env): z.output<S> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${service} does not start: its configuration is wrong.`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    process.exit(1);
  }
}
