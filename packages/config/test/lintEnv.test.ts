import { describe, expect, it } from "vitest";
import { environmentReads } from "../../../scripts/lintEnv.ts";

describe("npm run lint: no process.env outside start-up", () => {
  it("finds each way of reading the environment, and nothing else", () => {
    const text = [
      "const a = process.env.PORT;", // 1
      'const b = process["env"];', // 2
      "const { env } = process;", // 3
      "function f(env = process.env) { return env; }", // 4
      "const c = config.env.PORT;", // 5: a config's field, not the process's
      "const d = process.argv;", // 6
      "// process.env in a comment", // 7
    ].join("\n");
    expect(environmentReads("example.ts", text)).toEqual([
      { line: 1, what: "process.env" },
      { line: 2, what: 'process["env"]' },
      { line: 3, what: "{ env } = process" },
      { line: 4, what: "process.env" },
    ]);
  });
});
