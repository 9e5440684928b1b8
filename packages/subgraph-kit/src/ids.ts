import { badInput } from "./errors.ts";

/**
 * Every id in Samråd is a PostgreSQL uuid. An id of another shape can name no row, and
 * sending it to the database would fail the whole statement (and with it every other
 * key of a DataLoader batch), so malformed ids are sorted out before any query.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function uuidsOnly(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

/** An id from input: BAD_USER_INPUT naming the field when it is not a uuid; lower-cased. */
export function assertUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(`${field} must be a UUID, e.g. 3f1c2a9e-5b7d-4c8e-9a0b-1d2e3f4a5b6c.`, field);
  return value.toLowerCase();
}
