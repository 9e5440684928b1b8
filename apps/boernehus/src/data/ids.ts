/**
 * Ids are PostgreSQL uuids. A malformed id cannot name a row, and sending it to the
 * database would fail the whole statement (and with it every other key of a batch),
 * so malformed ids are answered as "not found" before any query.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function uuidsOnly(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}
