import { readFieldRules } from "@samraad/access";
import { parse } from "graphql";

/**
 * Default deny, checked at build time: every field of the composed supergraph must
 * carry @authenticated, @requiresScopes or @policy. Returns the unclassified fields.
 */
export function unclassifiedFields(supergraphSdl: string): string[] {
  const rules = readFieldRules(parse(supergraphSdl));
  return [...rules.entries()].filter(([, rule]) => rule === null).map(([coordinate]) => coordinate);
}
