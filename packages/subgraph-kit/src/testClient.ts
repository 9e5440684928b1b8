import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, type Principal, scopesFor, signInternalToken } from "@samraad/access";

/**
 * Calls a running subgraph the way the gateway does: a body signed for that
 * subgraph with the principal's scopes. Used by subgraph tests.
 */
export async function callSubgraph(
  url: string,
  audience: string,
  principal: Principal,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };
}> {
  const body = JSON.stringify({ query, variables });
  const token = await signInternalToken({ principal, scopes: scopesFor(principal), audience, body, requestId: randomUUID() });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
    body,
  });
  return { status: response.status, body: (await response.json()) as never };
}
