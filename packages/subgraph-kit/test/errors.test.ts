import { ApolloServer } from "@apollo/server";
import { captureLogs } from "@samraad/observability";
import { describe, expect, it } from "vitest";
import { DomainError, errorRequestIds, formatError } from "../src/errors.ts";

// A replacement number (day + 60): the synthetic form, never an ordinary CPR number.
const CPR = "900415-4232";

describe("formatError", () => {
  it("replaces an unexpected error by a reference, and logs the reference and the request id without the error's message", async () => {
    // A real Apollo Server, configured as the subgraphs are: the request id reaches the log
    // line through errorRequestIds, from the request's own context.
    const server = new ApolloServer<{ requestId: string }>({
      typeDefs: "type Mutation { registerChild: Boolean } type Query { ok: Boolean }",
      resolvers: {
        Mutation: {
          registerChild: () => {
            throw new RangeError(`could not store child ${CPR} Ynsilde Quorvatsen`);
          },
        },
      },
      formatError,
      plugins: [errorRequestIds()],
    });
    await server.start();
    const logs = captureLogs();
    const response = await server.executeOperation(
      { query: "mutation { registerChild }" },
      { contextValue: { requestId: "req-0123456789" } },
    );
    logs.stop();
    await server.stop();
    const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
    const reference = errors?.[0]?.extensions?.reference as string;
    expect(errors).toEqual([
      {
        message: `Something went wrong on our side. Reference: ${reference}.`,
        path: ["registerChild"],
        extensions: { code: "INTERNAL_SERVER_ERROR", reference },
      },
    ]);
    expect(logs.lines).toHaveLength(1);
    expect(JSON.parse(logs.lines[0] as string)).toMatchObject({
      level: "error",
      msg: "unexpected error",
      requestId: "req-0123456789",
      reference,
      path: ["registerChild"],
      error: { type: "RangeError" },
    });
    expect(logs.lines[0]).not.toContain(CPR);
    expect(logs.lines[0]).not.toContain("Ynsilde");
  });

  it("passes a known error with its code and logs nothing", () => {
    const logs = captureLogs();
    const known = new DomainError("FORBIDDEN", "No access to this case.");
    const formatted = formatError({ message: known.message, extensions: { code: "FORBIDDEN", stacktrace: ["at x"] } }, known);
    logs.stop();
    expect(formatted).toEqual({ message: "No access to this case.", extensions: { code: "FORBIDDEN" } });
    expect(logs.lines).toEqual([]);
  });
});
