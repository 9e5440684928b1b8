import { type GraphQLArgument, type GraphQLInputType, getNullableType, isInputObjectType, isListType, isScalarType } from "graphql";
import { assertUuid } from "./ids.ts";

/**
 * Every id a write names is a UUID (every `ID` of every subgraph is one): a malformed one is
 * BAD_USER_INPUT naming the field (e.g. `recommendationId`), before any resolver or
 * transaction runs, never an internal error from the database. Walks the arguments by their
 * GraphQL input types, so a new mutation or input field is covered without a line of its own.
 */
export function assertIdArguments(args: Record<string, unknown>, definitions: readonly GraphQLArgument[]): void {
  for (const definition of definitions) visit(args[definition.name], definition.type, definition.name);
}

/** `field`: the name a person's form knows the value by (the input field's own name). */
function visit(value: unknown, type: GraphQLInputType, field: string): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const item of value) visit(item, nullable.ofType, field);
    return;
  }
  if (isScalarType(nullable) && nullable.name === "ID") {
    assertUuid(String(value), field);
    return;
  }
  if (isInputObjectType(nullable) && typeof value === "object") {
    for (const [name, field] of Object.entries(nullable.getFields())) {
      visit((value as Record<string, unknown>)[name], field.type, name);
    }
  }
}
