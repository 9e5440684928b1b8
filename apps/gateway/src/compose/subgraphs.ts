import { fileURLToPath } from "node:url";
import { readSubgraphSdl as readSdlAt } from "@samraad/subgraph-kit/sharedSchema";

/** The four sector subgraphs and the statistics service, in the order they are composed, with their default ports. */
export const SUBGRAPHS = [
  { name: "municipality", port: 4001 },
  { name: "police", port: 4002 },
  { name: "health", port: 4003 },
  { name: "boernehus", port: 4004 },
  { name: "statistics", port: 4005 },
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];

export function subgraphSchemaPath(name: SubgraphName): string {
  return fileURLToPath(new URL(`../../../${name}/schema.graphql`, import.meta.url));
}

/** The subgraph's schema.graphql with the shared blocks `npm run generate` rendered for it. */
export function readSubgraphSdl(name: SubgraphName): string {
  return readSdlAt(subgraphSchemaPath(name));
}

export const SUPERGRAPH_PATH = fileURLToPath(new URL("../../supergraph.graphql", import.meta.url));
export const ACCESS_MATRIX_PATH = fileURLToPath(new URL("../../../../docs/access.md", import.meta.url));
