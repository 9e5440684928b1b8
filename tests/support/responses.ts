import { expect } from "vitest";
import type { GraphQLResponse } from "./stack.ts";

/** The code of a response's first error (undefined when it has none). */
export const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

/** The field `name` of a response that must have no errors (the errors are the failure message otherwise). */
export function ok<T>(res: GraphQLResponse, name: string): T {
  expect(res.errors, `${name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
  return (res.data as Record<string, T>)[name] as T;
}
