import { randomUUID } from "node:crypto";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { INTERNAL_TOKEN_HEADER, type Principal, signInternalToken } from "@samraad/access";

export interface AuthenticatedUser {
  principal: Principal;
  scopes: string[];
}

/**
 * Signs every upstream request with a gateway-signed internal token bound to the
 * exact body and to the one subgraph it goes to (see packages/access/src/internalToken.ts).
 * A subgraph refuses anything without it, so nobody can go around the gateway.
 */
export function useSignedUpstream(subgraphByUrl: Map<string, string>): GatewayPlugin {
  return {
    async onFetch({ url, options, setOptions, context }) {
      const audience = subgraphByUrl.get(url);
      const user = (context as { currentUser?: AuthenticatedUser }).currentUser;
      if (!audience || !user) return; // no principal, no signature: the subgraph refuses
      const body = typeof options.body === "string" ? options.body : "";
      const requestId = (context as { requestId?: string }).requestId ?? randomUUID();
      const token = await signInternalToken({ principal: user.principal, scopes: user.scopes, audience, body, requestId });
      const headers = new Headers(options.headers as HeadersInit);
      headers.set(INTERNAL_TOKEN_HEADER, token);
      headers.set("x-request-id", requestId);
      setOptions({ ...options, headers: Object.fromEntries(headers.entries()) });
    },
  };
}
