// createGraphQLError, not `new GraphQLError`: the error must be an instance of the very
// graphql module the runtime uses, or it is masked as "Unexpected error".

import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { createGraphQLError } from "@graphql-tools/utils";
import { type ASTNode, type DocumentNode, type FieldNode, type GraphQLError, getOperationAST } from "graphql";
import { fieldRefusal, nullAt } from "./fieldRules.ts";

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
  fieldNode: FieldNode;
  path: ReadonlyArray<string | number>;
  user: unknown;
  executionArgs: { contextValue?: unknown };
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
  const refusal = fieldRefusal(`${check.parentType.name}.${check.field.name}`, scopes);
  // No `path` here: generic-auth would then write nulls along it itself, creating objects
  // for parents that are null (a case not found would come back as a half-made object).
  // useDeniedFieldNulls sets the nulls, and the path, only where the parent exists.
  const error = createGraphQLError(refusal.message, { nodes: [check.fieldNode], extensions: refusal.extensions });
  deniedFields(check.executionArgs.contextValue).push({
    error,
    node: check.fieldNode,
    path: check.path.filter((p) => p !== "@"),
  });
  return error;
}

interface DeniedField {
  error: GraphQLError;
  /** The refused field's node in the document as parsed. */
  node: ASTNode;
  path: ReadonlyArray<string | number>;
}
const DENIED = Symbol("deniedFields");

function deniedFields(context: unknown): DeniedField[] {
  const holder = context as { [DENIED]?: DeniedField[] };
  holder[DENIED] ??= [];
  return holder[DENIED];
}

/** The other half of validateFieldAccess: nulls and error paths, once the operation has run. */
export function useDeniedFieldNulls(): GatewayPlugin {
  return {
    // A subscription whose root field was refused: nothing is left to subscribe to (the
    // planner would fail on the empty operation, an INTERNAL_SERVER_ERROR). One result with
    // the refusal, and the stream ends; no subgraph is asked.
    onSubscribe({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation && operation.selectionSet.selections.length === 0) {
        const denied = deniedFields(args.contextValue);
        for (const { error, path } of denied) Object.defineProperty(error, "path", { value: path, enumerable: true });
        setResultAndStopExecution({ data: null, errors: denied.map((d) => d.error) });
      }
    },
    onExecute({ args, setResultAndStopExecution }) {
      // Every field the operation asked for was refused and taken out of it (generic-auth's
      // protect-granular): nothing is left to plan. The Rust planner fails on an empty
      // operation, so it never gets one; the refusals are added to this result as always.
      const operation = getOperationAST(args.document, args.operationName);
      if (operation && operation.selectionSet.selections.length === 0) setResultAndStopExecution({ data: null });
      return {
        onExecuteDone({ args, result }) {
          const data = (result as { data?: unknown }).data;
          for (const { error, path } of deniedFields(args.contextValue)) {
            nullAt(data, path);
            Object.defineProperty(error, "path", { value: path, enumerable: true });
          }
        },
      };
    },
  };
}

/** How many rewritten variants of one parsed document are kept (one per distinct set of refusals). */
const VARIANTS_PER_DOCUMENT = 32;

/**
 * Gives execution the same document object for the same request, so the query planner's
 * cache is used. generic-auth (protect-granular) hands execution a fresh copy of the
 * document on every request, with the refused fields taken out, even when it takes nothing
 * out. The Rust planner caches plans by document identity (a WeakMap), so every request was
 * printed and planned afresh: about 6% of the gateway's CPU (docs/performance.md).
 *
 * The copy is fully determined by the document as parsed (the parse cache returns one object
 * per text) and the set of field nodes refused in it: generic-auth returns null for exactly
 * those nodes and then prunes deterministically. So the first copy made for a (document,
 * refusals) pair stands in for every later one. Field rules still run on every request, so
 * who may see what is decided afresh each time; only the resulting shape is shared.
 */
export function useStableDocuments(): GatewayPlugin {
  const parsed = new WeakMap<object, DocumentNode>(); // request context → document as validated
  const variants = new WeakMap<DocumentNode, Map<string, DocumentNode>>();
  const nodeIds = new WeakMap<ASTNode, number>();
  let nextNodeId = 0;
  const idOf = (node: ASTNode) => {
    let id = nodeIds.get(node);
    if (id === undefined) {
      id = nextNodeId++;
      nodeIds.set(node, id);
    }
    return id;
  };
  return {
    onValidate({ context, params }) {
      parsed.set(context, params.documentAST);
    },
    onExecute({ args }) {
      const original = parsed.get(args.contextValue as object);
      if (!original || original === args.document) return;
      const refused = deniedFields(args.contextValue).map((d) => idOf(d.node));
      const key = `${args.operationName ?? ""}|${refused.join(",")}`;
      let known = variants.get(original);
      if (!known) {
        known = new Map();
        variants.set(original, known);
      }
      const stable = known.get(key);
      if (stable) args.document = stable;
      else if (known.size < VARIANTS_PER_DOCUMENT) known.set(key, args.document);
    },
  };
}
