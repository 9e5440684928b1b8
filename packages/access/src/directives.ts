import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLSchema,
  Kind,
  valueFromASTUntyped,
} from "graphql";

/** What a field requires, read from its `@authenticated` / `@requiresScopes` / `@policy` directives. */
export interface FieldRule {
  authenticated: boolean;
  /** OR of AND groups, as in `@requiresScopes(scopes: [["a", "b"], ["c"]])`. */
  scopes: string[][] | null;
  policies: string[][] | null;
}

export const AUTH_DIRECTIVES = ["authenticated", "requiresScopes", "policy"] as const;

function ruleFrom(directives: readonly ConstDirectiveNode[] | undefined): FieldRule | null {
  let rule: FieldRule | null = null;
  for (const d of directives ?? []) {
    const name = d.name.value;
    if (!(AUTH_DIRECTIVES as readonly string[]).includes(name)) continue;
    rule ??= { authenticated: false, scopes: null, policies: null };
    if (name === "authenticated") rule.authenticated = true;
    const arg = d.arguments?.find((a) => a.name.value === (name === "policy" ? "policies" : "scopes"));
    if (arg) {
      const value = valueFromASTUntyped(arg.value) as string[][];
      if (name === "requiresScopes") rule.scopes = value;
      if (name === "policy") rule.policies = value;
    }
  }
  return rule;
}

/** Type names that are federation or introspection plumbing, not data. */
const PLUMBING_TYPES = new Set(["_Service", "_Entity", "_Any", "join__Graph", "link__Purpose"]);
const PLUMBING_FIELDS = new Set(["Query._service", "Query._entities"]);

/**
 * Reads the access rule of every field of every object type in an SDL document
 * (a subgraph's schema.graphql or the composed supergraph). A field with no rule
 * maps to null: unclassified, and so denied.
 */
export function readFieldRules(doc: DocumentNode): Map<string, FieldRule | null> {
  const rules = new Map<string, FieldRule | null>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION)
      continue;
    const typeName = def.name.value;
    if (PLUMBING_TYPES.has(typeName)) continue;
    const typeRule = ruleFrom(def.directives);
    for (const field of def.fields ?? ([] as readonly FieldDefinitionNode[])) {
      const coordinate = `${typeName}.${field.name.value}`;
      if (PLUMBING_FIELDS.has(coordinate)) continue;
      rules.set(coordinate, ruleFrom(field.directives) ?? typeRule);
    }
  }
  return rules;
}

/** Field rules from a built schema (subgraph schemas keep their SDL AST on each field). */
export function readSchemaFieldRules(schema: GraphQLSchema): Map<string, FieldRule | null> {
  const rules = new Map<string, FieldRule | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || PLUMBING_TYPES.has(type.name)) continue;
    if (!("getFields" in type) || !("isTypeOf" in type || "resolveType" in type)) continue;
    const fields = (type as { getFields(): Record<string, { astNode?: FieldDefinitionNode | null }> }).getFields();
    const typeRule = ruleFrom((type as { astNode?: { directives?: readonly ConstDirectiveNode[] } }).astNode?.directives);
    for (const [name, field] of Object.entries(fields)) {
      const coordinate = `${type.name}.${name}`;
      if (PLUMBING_FIELDS.has(coordinate)) continue;
      rules.set(coordinate, ruleFrom(field.astNode?.directives) ?? typeRule);
    }
  }
  return rules;
}

/** Does a principal with these scopes pass this rule? Unclassified (null) never passes. */
export function allows(rule: FieldRule | null, authenticated: boolean, scopes: readonly string[]): boolean {
  if (!rule || !authenticated) return false;
  if (rule.policies) return false; // no @policy is granted to anyone yet: default deny
  if (rule.scopes) return rule.scopes.some((group) => group.every((s) => scopes.includes(s)));
  return rule.authenticated;
}
