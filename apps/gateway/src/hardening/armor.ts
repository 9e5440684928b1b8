import { EnvelopArmor } from "@escape.tech/graphql-armor";
import type { GraphQLError, ValidationContext } from "graphql";
import type { GatewayLimits } from "./limits.ts";

/** The codes a client gets when an operation is refused for its shape. */
export const LIMIT_CODES = {
  maxDepth: "DEPTH_LIMIT_EXCEEDED",
  maxAliases: "ALIAS_LIMIT_EXCEEDED",
  maxTokens: "TOKEN_LIMIT_EXCEEDED",
  maxDirectives: "DIRECTIVE_LIMIT_EXCEEDED",
  costLimit: "COST_LIMIT_EXCEEDED",
} as const;

// graphql-armor makes plain GraphQLErrors without a code; tag each with the limit it
// broke, so a client (and the fuzz test) can tell "too deep" from "too costly".
const tagWith = (code: string) => [(_ctx: ValidationContext | null, error: GraphQLError) => Object.assign(error.extensions, { code })];

/**
 * graphql-armor's validation rules and parser limit: depth, aliases, tokens,
 * directives and cost, each from GatewayLimits. Field suggestions are not armor's
 * job here: useSafeErrors strips every "Did you mean" (armor's own mask misses the
 * enum-value form).
 */
export function armorPlugins(limits: GatewayLimits) {
  const armor = new EnvelopArmor({
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, exposeLimits: true, onReject: tagWith(LIMIT_CODES.maxDepth) },
    maxAliases: { n: limits.maxAliases, exposeLimits: true, onReject: tagWith(LIMIT_CODES.maxAliases) },
    maxTokens: { n: limits.maxTokens, exposeLimits: true, onReject: tagWith(LIMIT_CODES.maxTokens) },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true, onReject: tagWith(LIMIT_CODES.maxDirectives) },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true, onReject: tagWith(LIMIT_CODES.costLimit) },
  });
  return armor.protect().plugins;
}
