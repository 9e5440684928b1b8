import { captureLogs, withRequestId } from "@samraad/observability";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { DomainError, formatError } from "../src/errors.ts";

// A replacement number (day + 60): the synthetic form, never an ordinary CPR number.
const CPR = "900415-4232";

describe("formatError", () => {
  it("replaces an unexpected error by a reference, and logs the reference and the request id without the error's message", () => {
    const logs = captureLogs();
    const original = new RangeError(`could not store child ${CPR} Ynsilde Quorvatsen`);
    const error = new GraphQLError(original.message, { path: ["registerChild"], originalError: original });
    const formatted = withRequestId("req-0123456789", () =>
      formatError({ message: error.message, path: ["registerChild"], extensions: { code: "INTERNAL_SERVER_ERROR" } }, error),
    );
    logs.stop();
    const reference = formatted.extensions?.reference as string;
    expect(formatted).toEqual({
      message: `Something went wrong on our side. Reference: ${reference}.`,
      path: ["registerChild"],
      extensions: { code: "INTERNAL_SERVER_ERROR", reference },
    });
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
