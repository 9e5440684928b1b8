/**
 * The peer: @apollo/gateway serving the same subgraphs and data (its own process,
 * started by the bench). It verifies the same bearer tokens and signs each subgraph
 * request with the same internal token as Samråd's gateway (packages/access), so the
 * subgraphs serve it unchanged; only the gateway-side field rules are missing, which
 * makes it do less work per request than Samråd's gateway, not more.
 *
 * Bench-only: nothing in production imports this file.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { INTERNAL_TOKEN_HEADER, internalSigningKey, type Principal, scopesFor, signInternalToken } from "@samraad/access";
import { createVerifier, SUBGRAPHS, SUPERGRAPH_PATH, type SubgraphName, withSubgraphUrls } from "@samraad/gateway";
import { stripAuthDirectives } from "./apolloSupergraph.ts";

interface Context {
  principal: Principal;
  scopes: string[];
}

const PRINCIPAL_HEADER = "x-bench-principal";
const verifyToken = createVerifier(JSON.parse(process.env.SAMRAAD_OIDC_ISSUERS ?? "[]"));
// The key the bench hands every gateway it runs (bench.ts).
const key = await internalSigningKey(process.env.SAMRAAD_INTERNAL_SIGNING_KEY ?? "");
// Where each subgraph is, as the gateway's config reads it: <NAME>_URL, else 127.0.0.1 on <NAME>_PORT.
const subgraphUrls = Object.fromEntries(
  SUBGRAPHS.map((s) => {
    const prefix = s.name.toUpperCase();
    return [s.name, process.env[`${prefix}_URL`] ?? `http://127.0.0.1:${process.env[`${prefix}_PORT`] ?? s.port}/graphql`];
  }),
) as Record<SubgraphName, string>;
const supergraphSdl = stripAuthDirectives(withSubgraphUrls(readFileSync(SUPERGRAPH_PATH, "utf8"), subgraphUrls));

class SignedDataSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: Parameters<RemoteGraphQLDataSource<Context>["willSendRequest"] & object>[0]) {
    // The body is serialised after this hook; the fetcher below signs the exact bytes.
    request.http?.headers.set(PRINCIPAL_HEADER, JSON.stringify({ principal: context.principal, scopes: context.scopes }));
  }
}

const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name, url }) =>
    new SignedDataSource({
      url,
      fetcher: signedFetch(name),
    }),
});

/** Signs each subgraph request with the internal token, over the exact body bytes it sends. */
function signedFetch(audience: string): RemoteGraphQLDataSource<Context>["fetcher"] {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    const { principal, scopes } = JSON.parse(headers.get(PRINCIPAL_HEADER) ?? "{}") as Context;
    headers.delete(PRINCIPAL_HEADER);
    const body = String(init.body ?? "");
    const token = await signInternalToken({ principal, scopes, audience, body, requestId: randomUUID(), key });
    headers.set(INTERNAL_TOKEN_HEADER, token);
    return fetch(input, { ...init, headers, body });
  };
}

const server = new ApolloServer<Context>({ gateway, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.APOLLO_GATEWAY_PORT ?? 4100), host: "127.0.0.1" },
  context: async ({ req }) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const principal = token ? await verifyToken(token) : null;
    if (!principal) throw new Error("unauthenticated");
    return { principal, scopes: scopesFor(principal) };
  },
});
console.log(JSON.stringify({ level: "info", msg: "apollo gateway ready", url }));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
