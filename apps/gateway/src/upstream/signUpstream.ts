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
 * The headers that let one subgraph request through: a gateway-signed internal token bound to
 * the exact body and to the one subgraph it goes to (packages/access/src/internalToken.ts), and
 * the client's request id (signed, so subgraphs can trust it in their logs and audit).
 * Undefined without a principal: then nothing is signed and the subgraph refuses.
 */
export type UpstreamSigner = (context: unknown, audience: string, body: Uint8Array) => Promise<Record<string, string>> | undefined;

export function upstreamSigner(requestIds: RequestIds, key: InternalSigningKey): UpstreamSigner {
  return (context, audience, body) => {
    const user = (context as { currentUser?: AuthenticatedUser } | undefined)?.currentUser;
    if (!user) return undefined;
    const request = (context as { request?: Request }).request;
    const requestId = requestIds.of(request) ?? requestIdFrom(null);
    const purpose = purposeOf(request);
    return signInternalToken({ principal: user.principal, scopes: user.scopes, audience, body, requestId, purpose, key }).then((token) => ({
      [INTERNAL_TOKEN_HEADER]: token,
      [REQUEST_ID_HEADER]: requestId,
    }));
  };
}

/**
 * Signs what goes to a subgraph through Hive's fetch: a subscription's stream (queries and
 * mutations go through signedTransport.ts, which signs them itself with the same signer).
 * A subgraph refuses anything unsigned, so nobody can go around the gateway.
 */
export function useSignedUpstream(subgraphByUrl: Map<string, string>, sign: UpstreamSigner): GatewayPlugin {
  return {
    async onFetch({ url, options, setOptions, context }) {
      const audience = subgraphByUrl.get(url);
      // Sent as the UTF-8 bytes that were hashed (docs/performance.md, "Upstream bodies as bytes").
      const body = Buffer.from(typeof options.body === "string" ? options.body : "");
      const signed = audience ? await sign(context, audience, body) : undefined;
      if (!signed) return; // no principal, no signature: the subgraph refuses
      setOptions({
        ...options,
        headers: { ...Object.fromEntries(new Headers(options.headers as HeadersInit).entries()), ...signed },
        body,
      });
    },
  };
}
