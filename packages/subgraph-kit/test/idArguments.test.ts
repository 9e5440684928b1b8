import { buildSchema, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { assertIdArguments } from "../src/idArguments.ts";

const schema = buildSchema(`
  type Query { ok: Boolean }
  input Item { id: ID, note: String }
  input WriteInput { caseId: ID!, items: [Item!], tags: [ID!], text: String }
  type Mutation { write(input: WriteInput!, id: ID, idempotencyKey: String): Boolean }
`);
const args = (schema.getMutationType() as GraphQLObjectType).getFields().write?.args ?? [];
const UUID = "3f1c2a9e-5b7d-4c8e-9a0b-1d2e3f4a5b6c";
const refusal = (value: Record<string, unknown>) => {
  try {
    assertIdArguments(value, args);
    return null;
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
};

describe("every ID a mutation names is a UUID", () => {
  it("accepts UUIDs and leaves other scalars alone", () => {
    expect(refusal({ input: { caseId: UUID, items: [{ id: UUID, note: "not-a-uuid" }], tags: [UUID], text: "x" }, id: null })).toBeNull();
  });
  it.each([
    [{ input: { caseId: "x'; DROP TABLE" } }, "caseId"],
    [{ input: { caseId: UUID, items: [{ id: UUID }, { id: "123" }] } }, "id"],
    [{ input: { caseId: UUID, tags: [UUID, "nope"] } }, "tags"],
    [{ input: { caseId: UUID }, id: "nope" }, "id"],
  ])("refuses %j naming %s", (value, field) => {
    expect(refusal(value)).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});
