import { describe, expect, it } from "vitest";
import { spawnService } from "../support/serviceProcess.ts";

// A wrong value stops a real service process at start, naming the variable and what it
// expects; before, SAMRAAD_EMERGENCY_ACCESS_HOURS=0 silently became 4 hours.
describe("a service with a wrong configuration", () => {
  it("exits non-zero before it listens, naming the variable, what it expects and what it got", async () => {
    const started = spawnService("boernehus", { SAMRAAD_EMERGENCY_ACCESS_HOURS: "0", BOERNEHUS_PORT: "0" });
    await expect(started).rejects.toThrow(/exited \(1\) before it was ready/);
    const output = await started.catch((error: Error) => error.message);
    expect(output).toContain('SAMRAAD_EMERGENCY_ACCESS_HOURS must be a number of hours between 1 and 24, got "0"');
    // Never a stack trace: the operator needs the variable.
    expect(output).not.toMatch(/\n\s+at /);
  });
});
