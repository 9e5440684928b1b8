import { parse } from "graphql";

/**
 * (e) The national statistics query, when the supergraph has one (the statistics service
 * is built in parallel): a root Query field named like "nationalStatistics"/"statistics",
 * asked for as the national analyst. Returns null when there is none yet.
 */
export function statisticsWorkload(supergraphSdl: string): { persona: string; query: string; variables: Record<string, unknown> } | null {
  const query = parse(supergraphSdl).definitions.find((d) => d.kind === "ObjectTypeDefinition" && d.name.value === "Query") as
    | { fields?: Array<{ name: { value: string } }> }
    | undefined;
  const field = query?.fields?.find((f) => /^(national)?[sS]tatistics$/.test(f.name.value));
  if (!field) return null;
  return { persona: "analyst-national", query: `query BenchStatistics { ${field.name.value} { __typename } }`, variables: {} };
}
