import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { readSubgraphSdl, SUBGRAPHS, type SubgraphName } from "./subgraphs.ts";

/** The URL recorded in the checked-in supergraph; the gateway replaces it at start-up. */
const PLACEHOLDER_URL = (name: string) => `http://${name}.samraad.internal/graphql`;

/**
 * Composes the four subgraph SDLs into a standard Federation 2 supergraph with
 * @apollo/composition (the same file Apollo Router or Hive Router can serve).
 */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({ name: s.name, url: PLACEHOLDER_URL(s.name), typeDefs: parse(readSubgraphSdl(s.name)) })),
  );
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  if (!result.supergraphSdl) throw new Error("Composition produced no supergraph.");
  return result.supergraphSdl;
}

/** Points each join__Graph at where that subgraph actually runs. */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<SubgraphName, string>): string {
  let sdl = supergraphSdl;
  for (const s of SUBGRAPHS) sdl = sdl.replace(`url: "${PLACEHOLDER_URL(s.name)}"`, `url: "${urls[s.name]}"`);
  return sdl;
}
