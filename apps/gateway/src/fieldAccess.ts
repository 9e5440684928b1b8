// createGraphQLError, not `new GraphQLError`: the error must be an instance of the very
// graphql module the runtime uses, or it is masked as "Unexpected error".

import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { createGraphQLError } from "@graphql-tools/utils";
import { CLASSIFICATION, type Scope } from "@samraad/access";
import { type GraphQLError, getOperationAST } from "graphql";

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
  executionArgs: { contextValue: unknown };
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
  // No `path` here: generic-auth would then write nulls along it itself, creating objects
  // for parents that are null (a case not found would come back as a half-made object).
  // useDeniedFieldNulls sets the nulls, and the path, only where the parent exists.
  const error = createGraphQLError(`You may not see ${coordinate}${classification ? ` (${classification.en})` : ""}.`, {
    nodes: [check.fieldNode as never],
    extensions: {
      code: "UNAUTHORIZED",
      coordinate,
      classification: classification?.class ?? "UNCLASSIFIED",
      reason: classification?.da ?? "Ingen adgang",
      reasonEn: classification?.en ?? "No access",
    },
  });
  deniedFields(check.executionArgs.contextValue).push({ error, path: check.path.filter((p) => p !== "@") });
  return error;
}

interface DeniedField {
  error: GraphQLError;
  path: ReadonlyArray<string | number>;
}
const DENIED = Symbol("deniedFields");

function deniedFields(context: unknown): DeniedField[] {
  const holder = context as { [DENIED]?: DeniedField[] };
  holder[DENIED] ??= [];
  return holder[DENIED];
}

/** Sets the refused field to null in every parent object that exists on the path (lists included). */
function nullAt(value: unknown, path: ReadonlyArray<string | number>): void {
  if (value === null || value === undefined || path.length === 0) return;
  if (Array.isArray(value)) {
    for (const item of value) nullAt(item, path);
    return;
  }
  if (typeof value !== "object") return;
  const [head, ...rest] = path;
  const object = value as Record<string | number, unknown>;
  if (rest.length === 0) object[head as string] = null;
  else nullAt(object[head as string], rest);
}

/** The other half of validateFieldAccess: nulls and error paths, once the operation has run. */
export function useDeniedFieldNulls(): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // Every field the operation asked for was refused and taken out of it (generic-auth's
      // protect-granular): nothing is left to plan. The Rust planner fails on an empty
      // operation, so it never gets one; the refusals are added to this result as always.
      const operation = getOperationAST(args.document, args.operationName);
      if (operation && operation.selectionSet.selections.length === 0) setResultAndStopExecution({ data: null });
      return {
        onExecuteDone({ args, result }) {
          const denied = (args.contextValue as { [DENIED]?: DeniedField[] })[DENIED] ?? [];
          const data = (result as { data?: unknown }).data;
          for (const { error, path } of denied) {
            nullAt(data, path);
            Object.defineProperty(error, "path", { value: path, enumerable: true });
          }
        },
      };
    },
  };
}
