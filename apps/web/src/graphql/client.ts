import { persistedExchange } from "@urql/exchange-persisted";
import { Client, cacheExchange, type Exchange, fetchExchange } from "urql";

/**
 * Trusted documents: a production build sends only the sha256 of each operation (Apollo
 * APQ wire format); the gateway answers only operations in the manifest that codegen
 * wrote (src/generated/persisted-documents.json). Development sends whole documents.
 * VITE_TRUSTED_DOCUMENTS=off makes a production build that sends documents (for a
 * gateway without the manifest).
 */
export const SENDS_HASHES_ONLY = import.meta.env.PROD && import.meta.env.VITE_TRUSTED_DOCUMENTS !== "off";

/** What the user does with the data, recorded in every sector's audit log (x-samraad-purpose). */
export const PURPOSE = "SAMRAAD_CASEWORK";

export function createGraphQLClient(options: { token: () => string | null; onUnauthenticated(): void }): Client {
  const exchanges: Exchange[] = [cacheExchange];
  if (SENDS_HASHES_ONLY) {
    exchanges.push(
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        enableForSubscriptions: true,
        preferGetForPersistedQueries: false,
        generateHash: async (_query, document) => (document as { __meta__?: { hash?: string } }).__meta__?.hash ?? null,
      }),
    );
  }
  exchanges.push(fetchExchange);
  return new Client({
    url: "/graphql",
    exchanges,
    requestPolicy: "cache-and-network",
    // Subscriptions over the same fetch (SSE), not a WebSocket: the gateway's live case
    // changes (src/live/useLiveCase.ts, docs/live.md).
    fetchSubscriptions: true,
    fetchOptions: () => {
      const token = options.token();
      return {
        headers: { "x-samraad-purpose": PURPOSE, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      };
    },
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (res.status === 401) options.onUnauthenticated();
      return res;
    },
  });
}
