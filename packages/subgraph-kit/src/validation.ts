import { badInput } from "./errors.ts";

/** Throws a BAD_USER_INPUT naming both fields when `later` is before `earlier`. */
export function assertOrdered(
  earlier: { name: string; value: Date | null | undefined },
  later: { name: string; value: Date | null | undefined },
): void {
  if (earlier.value && later.value && later.value.getTime() < earlier.value.getTime()) {
    throw badInput(
      `${later.name} (${later.value.toISOString()}) cannot be before ${earlier.name} (${earlier.value.toISOString()}).`,
      later.name,
    );
  }
}

export function assertNotInFuture(value: Date, field: string, now: Date): void {
  if (value.getTime() > now.getTime() + 5 * 60_000) throw badInput(`${field} cannot be in the future.`, field);
}

export function nonEmpty(value: string, field: string, max = 10_000): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(`${field} cannot be empty.`, field);
  if (trimmed.length > max) throw badInput(`${field} is longer than ${max} characters.`, field);
  return trimmed;
}
