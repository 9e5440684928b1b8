// createGraphQLError, not `new GraphQLError`: the error must be an instance of the very
// graphql module the runtime uses, or it is masked as "Unexpected error".
import { createGraphQLError } from "@graphql-tools/utils";
import { CLASSIFICATION, type Scope } from "@samraad/access";
import type { GraphQLError } from "graphql";

interface FieldCheck {
  field: { name: string };
  parentType: { name: string };
  fieldScopes?: string[][];
  fieldPolicies?: string[][];
  fieldAuthArgs?: unknown;
  typeScopes?: string[][];
  typePolicies?: string[][];
  typeAuthArgs?: unknown;
  userScopes: string[];
  fieldNode: { loc?: unknown };
  path: ReadonlyArray<string | number>;
  user: unknown;
}

/**
 * generic-auth's per-field decision, with an error a client (and the web UI) can
 * explain: code UNAUTHORIZED plus the classification and the reason in Danish and
 * English, e.g. "Kun sundhedsvæsenet". Default deny: a field with no rule is refused.
 */
export function validateFieldAccess(check: FieldCheck): GraphQLError | undefined {
  const scopes = check.fieldScopes ?? check.typeScopes;
  const policies = check.fieldPolicies ?? check.typePolicies;
  const authenticated = Boolean(check.fieldAuthArgs ?? check.typeAuthArgs);
  let allowed: boolean;
  if (!check.user) allowed = false;
  else if (policies)
    allowed = false; // no @policy is granted to anyone yet
  else if (scopes) allowed = scopes.some((group) => group.every((s) => check.userScopes.includes(s)));
  else allowed = authenticated;
  if (allowed) return undefined;
  const coordinate = `${check.parentType.name}.${check.field.name}`;
  const required = scopes?.flat()[0] as Scope | undefined;
  const classification = required ? CLASSIFICATION[required] : undefined;
  return createGraphQLError(`You may not see ${coordinate}${classification ? ` (${classification.en})` : ""}.`, {
    nodes: [check.fieldNode as never],
    path: [...check.path],
    extensions: {
      code: "UNAUTHORIZED",
      coordinate,
      classification: classification?.class ?? "UNCLASSIFIED",
      reason: classification?.da ?? "Ingen adgang",
      reasonEn: classification?.en ?? "No access",
    },
  });
}
