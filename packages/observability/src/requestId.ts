import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

// What we accept from a caller: a correlation id, not free text for our logs.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's x-request-id when it looks like an id, otherwise a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
}

// Code that runs deep inside a library's pipeline (Apollo's formatError) has no request
// context of its own; the request id reaches it through the async scope instead.
const scope = new AsyncLocalStorage<string>();

/** Runs `work` with `requestId` as the current request's id, for everything it awaits. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return scope.run(requestId, work);
}

/** The id of the request whose work is running, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}
