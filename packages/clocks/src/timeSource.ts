/**
 * The one clock (DESIGN.md 6a). Every rule that depends on "now" (row rules and their
 * grace period, emergency expiry, deadline clocks, alerts, idempotency, retention, the
 * statistics period) asks a TimeSource that the service was started with and that the
 * request context carries. Domain, resolver and data code never read the machine clock;
 * `npm run lint` enforces it (scripts/lintClock.ts).
 *
 * What stays on the machine clock, on purpose: the freshness of signatures (bearer
 * tokens, internal tokens, case grants, the replay cache). Those are stamped by identity
 * providers and other processes in real time, and a service whose domain clock is moved
 * (a test world, a demo) must still refuse an expired token.
 */
export interface TimeSource {
  now(): Date;
}

/** The machine's clock. The only place outside infrastructure code that reads it. */
export const systemTime: TimeSource = { now: () => new Date() };

/** Always the same instant: unit tests of rules. */
export function fixedTime(instant: Date | string): TimeSource {
  const at = toInstant(instant).getTime();
  return { now: () => new Date(at) };
}

/**
 * Starts at `instant` and then runs as fast as the machine's clock: a test stack (or a
 * process it spawns) lives in the world it generated, whatever the machine's date, and
 * still sees time pass (a lease expires, a key gets older).
 */
export function timeFrom(instant: Date | string, machine: () => number = Date.now): TimeSource {
  const offset = toInstant(instant).getTime() - machine();
  return { now: () => new Date(machine() + offset) };
}

/** The variable a test hands to a service process it spawns: the instant its clock starts at. */
export const CLOCK_START_VARIABLE = "SAMRAAD_CLOCK_START";

/**
 * A script's clock from the environment it is handed (services take theirs from their parsed
 * config's clockStart): the machine's, unless SAMRAAD_CLOCK_START names
 * the instant to start at (tests, and a demo replayed on another day). Refused in
 * production: moving an installation's clock would stretch emergency access and grace
 * periods.
 */
export function timeSourceFromEnv(env: Readonly<Record<string, string | undefined>>): TimeSource {
  const start = env[CLOCK_START_VARIABLE];
  if (!start) return systemTime;
  if (env.NODE_ENV === "production") {
    throw new Error(`${CLOCK_START_VARIABLE} is for tests and demos; it is refused with NODE_ENV=production.`);
  }
  return timeFrom(start);
}

function toInstant(instant: Date | string): Date {
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`not an instant: ${String(instant)}`);
  return at;
}
