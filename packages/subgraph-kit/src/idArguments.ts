import type { GraphQLArgument } from "graphql";
import { assertUuid } from "./ids.ts";

/**
 * Every id a write names is a UUID (every `ID` of every subgraph is one): a malformed one is
 * BAD_USER_INPUT naming the field (e.g. `recommendationId`), before any resolver or
 * transaction runs, never an internal error from the database. Walks the arguments by their
 * GraphQL input types, so a new mutation or input field is covered without a line of its own.
 *
 * The types are read by their shape, not with graphql's isListType/isScalarType: the
 * subgraphs load more than one copy of graphql (Apollo's and ours), and graphql's instanceof
 * checks refuse a type made by the other copy.
 */
interface InputTypeShape {
  name?: string;
  ofType?: InputTypeShape;
  getFields?: () => Record<string, { type: InputTypeShape }>;
  toString(): string;
}

export function assertIdArguments(args: Record<string, unknown>, definitions: readonly GraphQLArgument[]): void {
  for (const definition of definitions) visit(args[definition.name], definition.type as unknown as InputTypeShape, definition.name);
}

/** `field`: the name a person's form knows the value by (the input field's own name). */
function visit(value: unknown, type: InputTypeShape, field: string): void {
  if (value === null || value === undefined) return;
  const nullable = String(type).endsWith("!") && type.ofType ? type.ofType : type;
  if (String(nullable).startsWith("[") && nullable.ofType) {
    const items = nullable.ofType;
    if (Array.isArray(value)) for (const item of value) visit(item, items, field);
    return;
  }
  if (nullable.name === "ID" && !nullable.getFields) {
    assertUuid(String(value), field);
    return;
  }
  if (typeof nullable.getFields === "function" && typeof value === "object") {
    for (const [name, input] of Object.entries(nullable.getFields())) visit((value as Record<string, unknown>)[name], input.type, name);
  }
}
