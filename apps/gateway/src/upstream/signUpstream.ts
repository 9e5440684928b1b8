import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { INTERNAL_TOKEN_HEADER, type InternalSigningKey, type Principal, signInternalToken, statedPurpose } from "@samraad/access";
import { REQUEST_ID_HEADER, requestIdFrom } from "@samraad/observability";
import type { RequestIds } from "../observability/requestLog.ts";

export interface AuthenticatedUser {
  principal: Principal;
  scopes: string[];
}

/**
 * The purpose a client states for its look-up (x-samraad-purpose), recorded in every subgraph's
 * audit log. The emergency mark is reserved: subgraphs set it from the case grant (purpose.ts).
 */
export function purposeOf(request: Request | undefined): string {
  return statedPurpose(request?.headers.get("x-samraad-purpose"));
}

/**
 * Signs every upstream request with a gateway-signed internal token bound to the
 * exact body and to the one subgraph it goes to, signed with the gateway's private key
 * (see packages/access/src/internalToken.ts).
 * A subgraph refuses anything without it, so nobody can go around the gateway.
 */
export function useSignedUpstream(subgraphByUrl: Map<string, string>, requestIds: RequestIds, key: InternalSigningKey): GatewayPlugin {
  return {
    async onFetch({ url, options, setOptions, context }) {
      const audience = subgraphByUrl.get(url);
      const user = (context as { currentUser?: AuthenticatedUser }).currentUser;
      if (!audience || !user) return; // no principal, no signature: the subgraph refuses
      // Sent as the UTF-8 bytes that were hashed. Hashing and writing the runtime's body string
      // cost about ten times more: for a 240 kB list body 2.4 ms to hash and as much again to
      // write, against 0.35 ms to encode it once (docs/performance.md, "Upstream bodies as bytes").
      const body = Buffer.from(typeof options.body === "string" ? options.body : "");
      const request = (context as { request?: Request }).request;
      // The client's request id travels on (signed, so subgraphs can trust it in their logs and audit).
      const requestId = requestIds.of(request) ?? requestIdFrom(null);
      const purpose = purposeOf(request);
      const token = await signInternalToken({ principal: user.principal, scopes: user.scopes, audience, body, requestId, purpose, key });
      const headers = new Headers(options.headers as HeadersInit);
      headers.set(INTERNAL_TOKEN_HEADER, token);
      headers.set(REQUEST_ID_HEADER, requestId);
      setOptions({ ...options, headers: Object.fromEntries(headers.entries()), body });
    },
  };
}
