// The gateway's field rules, decided once per (document, scopes, @skip/@include variables)
// instead of on every request (docs/performance.md: generic-auth's per-request walk, with
// getDirectiveExtensions reading each field's directives again, was 8% of the gateway's CPU).
//
// What a client sees is exactly what generic-auth (protect-granular) with validateFieldAccess
// gave it (fieldAccess.ts; tests/access/fieldRulesEquivalence.test.ts compares the two on the
// read access matrix): a refused field is taken out of the document before planning, so it is
// never fetched; it comes back as null (where its parent exists) with an UNAUTHORIZED error at
// its path. The walk below follows generic-auth's visit on purpose, quirks included (every
// definition in document order, a fragment's errors at the path of the spread seen last before
// it, @skip/@include read only when the request has variables, the children of a skipped field
// still checked), so that nothing a client or the web UI relies on changes.
//
// createGraphQLError, not `new GraphQLError`: the error must be an instance of the very
// graphql module the runtime uses, or it is masked as "Unexpected error".

import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { createGraphQLError, getDirectiveExtensions } from "@graphql-tools/utils";
import { CLASSIFICATION, type Scope } from "@samraad/access";
//
// No instanceof checks from graphql (isObjectType, getNamedType, ...) on the runtime's schema:
// under the test runner this module and the runtime load graphql from different builds, and
// graphql refuses types from "another realm". The schema's own methods and names serve instead.
import {
  type DefinitionNode,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  getOperationAST,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from "graphql";
import type { AuthenticatedUser } from "./upstream/signUpstream.ts";

/** One field's rule as the supergraph's directives state it (the field's own, else its type's). */
interface FieldRule {
  coordinate: string;
  scopes?: string[][];
  policies?: string[][];
  authenticated: boolean;
  message: string;
  extensions: { code: "UNAUTHORIZED"; coordinate: string; classification: string; reason: string; reasonEn: string };
}

/** A refusal as decided for a document: which node, the rule that refused it, its result path. */
interface Refusal {
  node: FieldNode;
  rule: FieldRule;
  path: ReadonlyArray<string | number>;
}

/** The fields of an object or interface type; none for others. */
function fieldsOf(type: GraphQLNamedType | undefined): Record<string, GraphQLField<unknown, unknown>> | undefined {
  return type && "getFields" in type ? (type as GraphQLObjectType).getFields() : undefined;
}

/** The named type under lists and non-nulls. */
function namedType(type: GraphQLType): GraphQLNamedType {
  let t: GraphQLType = type;
  while ("ofType" in t && t.ofType) t = t.ofType;
  return t as GraphQLNamedType;
}

/** The decision for one (document, operation, scopes, @skip/@include values). */
interface Outcome {
  /** The document execution runs: the original when nothing is refused, else one shared pruned copy. */
  document: DocumentNode;
  refusals: Refusal[];
  /** Every field of the executed operation was refused: nothing is left to plan. */
  empty: boolean;
}

/**
 * What a client is told when a field is refused (here and in fieldAccess.ts): code UNAUTHORIZED
 * plus the classification of the field's first required scope and the reason in Danish and
 * English, e.g. "Kun sundhedsvæsenet".
 */
export function fieldRefusal(coordinate: string, scopes: string[][] | undefined): Pick<FieldRule, "coordinate" | "message" | "extensions"> {
  const required = scopes?.flat()[0] as Scope | undefined;
  const classification = required ? CLASSIFICATION[required] : undefined;
  return {
    coordinate,
    message: `You may not see ${coordinate}${classification ? ` (${classification.en})` : ""}.`,
    extensions: {
      code: "UNAUTHORIZED",
      coordinate,
      classification: classification?.class ?? "UNCLASSIFIED",
      reason: classification?.da ?? "Ingen adgang",
      reasonEn: classification?.en ?? "No access",
    },
  };
}

/** Decided outcomes kept per parsed document (one per principal's scope set and skip/include values seen). */
const OUTCOMES_PER_DOCUMENT = 64;

/** Whether `user` may see a field under `rule`: validateFieldAccess's decision, word for word. */
function allowed(rule: FieldRule, user: AuthenticatedUser | undefined): boolean {
  if (!user) return false;
  if (rule.policies) return false; // no @policy is granted to anyone yet
  if (rule.scopes) return rule.scopes.some((group) => group.every((s) => user.scopes.includes(s as Scope)));
  return rule.authenticated; // default deny: a field with no rule is refused
}

/** The rule of each field, read from the schema's directives once (the schema's field objects are stable). */
function fieldRuleReader(): (schema: GraphQLSchema, parentType: GraphQLObjectType | GraphQLNamedType, field: object) => FieldRule {
  const rules = new WeakMap<object, FieldRule>();
  return (schema, parentType, field) => {
    let rule = rules.get(field);
    if (rule) return rule;
    const typeDirectives = getDirectiveExtensions(parentType as GraphQLObjectType, schema);
    const fieldDirectives = getDirectiveExtensions(field as Parameters<typeof getDirectiveExtensions>[0], schema);
    const scopes = (fieldDirectives.requiresScopes?.[0]?.scopes ?? typeDirectives.requiresScopes?.[0]?.scopes) as string[][] | undefined;
    const policies = (fieldDirectives.policy?.[0]?.policies ?? typeDirectives.policy?.[0]?.policies) as string[][] | undefined;
    const authenticated = Boolean(fieldDirectives.authenticated?.[0] ?? typeDirectives.authenticated?.[0]);
    const coordinate = `${parentType.name}.${(field as { name: string }).name}`;
    rule = {
      ...(scopes ? { scopes } : {}),
      ...(policies ? { policies } : {}),
      authenticated,
      ...fieldRefusal(coordinate, scopes),
    };
    rules.set(field, rule);
    return rule;
  };
}

/** What of a document the decision depends on besides the principal: computed once per document. */
interface DocumentFacts {
  /** Variables named by @skip/@include anywhere in the document. */
  conditionVariables: string[];
  /** Pruned copies, one per set of refused nodes, so equal refusals share one document (and one plan). */
  pruned: Map<string, DocumentNode>;
  outcomes: Map<string, Outcome>;
  nodeIds: Map<FieldNode, number>;
}

function factsOf(document: DocumentNode): DocumentFacts {
  const names = new Set<string>();
  const nodeIds = new Map<FieldNode, number>();
  visit(document, {
    Field(node) {
      nodeIds.set(node, nodeIds.size);
    },
    Directive(node) {
      if (node.name.value !== "skip" && node.name.value !== "include") return;
      for (const arg of node.arguments ?? []) if (arg.value.kind === "Variable") names.add(arg.value.name.value);
    },
  });
  return { conditionVariables: [...names], pruned: new Map(), outcomes: new Map(), nodeIds };
}

/** Takes the refused field nodes out, then what is left empty (generic-auth's removeEmptyOrUnusedNodes). */
function prune(document: DocumentNode, refused: ReadonlySet<FieldNode>): DocumentNode {
  let pruned = visit(document, { Field: (node) => (refused.has(node) ? null : undefined) });
  for (;;) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of pruned.definitions) if (d.kind === "FragmentDefinition") fragments.set(d.name.value, d);
    let changed = false;
    const emptied = visit(pruned, {
      SelectionSet: {
        leave(set) {
          const kept = set.selections.filter((s) => {
            if (s.kind === "Field") return !s.selectionSet || s.selectionSet.selections.length > 0;
            if (s.kind === "InlineFragment") return s.selectionSet.selections.length > 0;
            const fragment = fragments.get(s.name.value);
            return !fragment || fragment.selectionSet.selections.length > 0;
          });
          if (kept.length === set.selections.length) return undefined;
          changed = true;
          return { ...set, selections: kept };
        },
      },
    });
    const used = new Set<string>();
    visit(emptied, {
      FragmentSpread(node) {
        used.add(node.name.value);
      },
    });
    const definitions = emptied.definitions.filter((d) => d.kind !== "FragmentDefinition" || used.has(d.name.value));
    if (definitions.length !== emptied.definitions.length) changed = true;
    pruned = { ...emptied, definitions };
    if (!changed) return pruned;
  }
}

interface Decide {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  user: AuthenticatedUser | undefined;
}

/**
 * The walk: every definition in document order, each field checked against its rule; a refused
 * field is not descended into (its subtree is gone with it).
 */
function decide(ruleOf: ReturnType<typeof fieldRuleReader>, facts: DocumentFacts, input: Decide): Outcome {
  const { schema, document, user } = input;
  const operation = getOperationAST(document, input.operationName);
  // As generic-auth: @skip/@include are read only when the operation defines variables or the
  // request sends some; a variable left out takes its default.
  const definitions = operation?.variableDefinitions ?? [];
  const variables = input.variableValues ?? (definitions.length > 0 ? {} : null);
  const condition = (node: FieldNode, name: "skip" | "include"): boolean | undefined => {
    const value = node.directives?.find((d) => d.name.value === name)?.arguments?.find((a) => a.name.value === "if")?.value;
    if (value?.kind === "BooleanValue") return value.value;
    if (value?.kind !== "Variable") return undefined;
    const given = variables?.[value.name.value];
    if (given !== undefined) return given === true;
    const fallback = definitions.find((d) => d.variable.name.value === value.name.value)?.defaultValue;
    return fallback?.kind === "BooleanValue" ? fallback.value : undefined;
  };
  const included = (node: FieldNode): boolean =>
    !variables || !node.directives?.length || (condition(node, "skip") !== true && condition(node, "include") !== false);
  const refusals: Refusal[] = [];
  const fragmentPaths = new Map<string, Array<string | number>>();

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, path: Array<string | number>): void => {
    for (const selection of set.selections) {
      if (selection.kind === "FragmentSpread") {
        if (document.definitions.some((d) => d.kind === "FragmentDefinition" && d.name.value === selection.name.value)) {
          fragmentPaths.set(selection.name.value, path);
        }
        continue;
      }
      if (selection.kind === "InlineFragment") {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, condition, path);
        continue;
      }
      const key = selection.alias?.value ?? selection.name.value;
      const own = fieldsOf(parent)?.[selection.name.value];
      const childType = own ? namedType(own.type) : undefined;
      let refused = false;
      if (included(selection) && parent && !parent.name.startsWith("__")) {
        // A union's members each have the field (only __typename, in practice); an object's or interface's own.
        const checked = "getTypes" in parent ? parent.getTypes() : "getFields" in parent ? [parent as GraphQLObjectType] : [];
        for (const type of checked) {
          const field = type.getFields()[selection.name.value];
          if (!field) continue; // __typename and other introspection fields
          const rule = ruleOf(schema, type, field);
          if (!allowed(rule, user)) {
            refusals.push({ node: selection, rule, path: [...path, key] });
            refused = true;
            break;
          }
        }
      }
      if (!refused && selection.selectionSet) walk(selection.selectionSet, childType, [...path, key]);
    }
  };

  for (const definition of document.definitions as ReadonlyArray<DefinitionNode>) {
    if (definition.kind === "OperationDefinition") {
      walk(definition.selectionSet, schema.getRootType(definition.operation) ?? undefined, []);
    } else if (definition.kind === "FragmentDefinition") {
      walk(definition.selectionSet, schema.getType(definition.typeCondition.name.value), fragmentPaths.get(definition.name.value) ?? []);
    }
  }

  if (refusals.length === 0) return { document, refusals, empty: false };
  const refusedKey = refusals.map((r) => facts.nodeIds.get(r.node)).join(",");
  let pruned = facts.pruned.get(refusedKey);
  if (!pruned) {
    pruned = prune(document, new Set(refusals.map((r) => r.node)));
    // Bounded like the outcomes: @skip/@include variables could otherwise make one document
    // grow a copy per combination. Beyond the bound a copy is made per decision (no shared plan).
    if (facts.pruned.size < OUTCOMES_PER_DOCUMENT) facts.pruned.set(refusedKey, pruned);
  }
  const executed = getOperationAST(pruned, input.operationName) as OperationDefinitionNode | null;
  return { document: pruned, refusals, empty: executed !== null && executed.selectionSet.selections.length === 0 };
}

/** Sets the refused field to null in every parent object that exists on the path (lists included). */
export function nullAt(value: unknown, path: ReadonlyArray<string | number>): void {
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

/** A fresh error per request (the runtime adds to errors on their way out); the rule's text is shared. */
function errorsFor(refusals: Refusal[]) {
  return refusals.map(({ node, rule, path }) => {
    const error = createGraphQLError(rule.message, { nodes: [node], extensions: { ...rule.extensions } });
    Object.defineProperty(error, "path", { value: path, enumerable: true });
    return error;
  });
}

/**
 * The field rules as one plugin. The decision is cached per parsed document (a WeakMap: the
 * parse cache returns one object per text) under the key (operation name, the principal's
 * scopes, the values of the variables @skip/@include name), bounded per document with the least
 * recently used outcome dropped first. The scopes are the whole key of who the principal is
 * for field rules (allowed() reads nothing else), so an outcome is never handed to a principal
 * with other scopes. Equal refusals share one pruned document, so the planner's cache (keyed by
 * document identity) hits.
 */
/** What the plugin puts on the context: the principal generic-auth would (useSignedUpstream signs for it). */
interface FieldRulesContext {
  currentUser: AuthenticatedUser | null;
}

export function useFieldRules(users: WeakMap<Request, AuthenticatedUser>): GatewayPlugin<FieldRulesContext> {
  const ruleOf = fieldRuleReader();
  const documents = new WeakMap<DocumentNode, DocumentFacts>();
  const scopeKeys = new WeakMap<AuthenticatedUser, string>();
  const scopeKeyOf = (user: AuthenticatedUser | undefined) => {
    if (!user) return "\u0000anonymous";
    let key = scopeKeys.get(user);
    if (key === undefined) {
      key = [...user.scopes].sort().join(" ");
      scopeKeys.set(user, key);
    }
    return key;
  };

  const outcomeFor = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: unknown;
    contextValue?: unknown;
  }): Outcome => {
    const user = (args.contextValue as { currentUser?: AuthenticatedUser | null } | undefined)?.currentUser ?? undefined;
    let facts = documents.get(args.document);
    if (!facts) {
      facts = factsOf(args.document);
      documents.set(args.document, facts);
    }
    const variables = args.variableValues as Record<string, unknown> | null | undefined;
    // The exact values (a variable left out is not one sent as null: the first takes its default).
    const conditions = variables
      ? JSON.stringify(facts.conditionVariables.map((name) => (name in variables ? [variables[name]] : [])))
      : "-";
    const key = `${args.operationName ?? ""}\u0000${scopeKeyOf(user)}\u0000${conditions}`;
    const known = facts.outcomes.get(key);
    if (known) {
      facts.outcomes.delete(key); // most recently used goes last
      facts.outcomes.set(key, known);
      return known;
    }
    const outcome = decide(ruleOf, facts, { ...args, user, variableValues: variables });
    if (facts.outcomes.size >= OUTCOMES_PER_DOCUMENT) facts.outcomes.delete(facts.outcomes.keys().next().value as string);
    facts.outcomes.set(key, outcome);
    return outcome;
  };

  return {
    // The principal on the context, as generic-auth put it there: useSignedUpstream signs for it.
    onContextBuilding({ context, extendContext }) {
      const user = users.get((context as { request: Request }).request) ?? null;
      if (context.currentUser !== user) extendContext({ currentUser: user });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const outcome = outcomeFor(args);
      if (outcome.refusals.length === 0) return;
      args.document = outcome.document;
      const errors = errorsFor(outcome.refusals);
      // Every field the operation asked for was refused: nothing is left to plan (the Rust
      // planner fails on an empty operation).
      if (outcome.empty) {
        setResultAndStopExecution({ data: null, errors });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          const done = result as ExecutionResult;
          for (const { path } of outcome.refusals) nullAt(done.data, path);
          setResult({ ...done, errors: [...(done.errors ?? []), ...errors] });
        },
      };
    },
    // A subscription with a refused field gets one result with the refusals and no stream
    // (generic-auth answered such a subscription with { data: null, errors } as well), so no
    // subgraph is asked.
    onSubscribe({ args, setResultAndStopExecution }) {
      const outcome = outcomeFor(args);
      if (outcome.refusals.length === 0) return;
      setResultAndStopExecution({ data: null, errors: errorsFor(outcome.refusals) });
    },
  };
}

/** Which plugin enforces the field rules: ours (the default), or generic-auth's walk it replaced (tests only). */
export type FieldRulesPlugin = "cached" | "generic-auth";
