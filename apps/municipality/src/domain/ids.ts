import { badInput } from "@samraad/subgraph-kit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id here is a UUID; anything else can match nothing (and must not reach SQL as a uuid). */
export const isUuid = (value: string): boolean => UUID.test(value);

export function uuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(`${field} must be a UUID, e.g. 0b7a6f6e-5d7c-4a55-9d8e-2f1c3b4a5d6e.`, field);
  return value.toLowerCase();
}
