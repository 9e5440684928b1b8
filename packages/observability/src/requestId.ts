import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

// What we accept from a caller: a correlation id, not free text for our logs.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's x-request-id when it looks like an id, otherwise a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
}
