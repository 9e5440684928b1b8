import { describe, expect, it } from "vitest";
import { runKeys, serviceEnvs } from "../../scripts/serviceEnv.ts";
import { spawnService } from "../support/serviceProcess.ts";

// A wrong value stops a real service process at start, naming the variable and what it
// expects; before, SAMRAAD_EMERGENCY_ACCESS_HOURS=0 silently became 4 hours.
describe("a service with a wrong configuration", () => {
  it("exits non-zero before it listens, naming the variable, what it expects and what it got", async () => {
    // Everything else as `npm run dev` gives it, so this one value is the only problem.
    const { boernehus } = serviceEnvs(await runKeys({}), { gatewayUrl: "http://127.0.0.1:9/graphql" });
    const started = spawnService("boernehus", { ...(boernehus as Record<string, string>), SAMRAAD_EMERGENCY_ACCESS_HOURS: "0" });
    await expect(started).rejects.toThrow(/exited \(1\) before it was ready/);
    const output = await started.then(
      () => "",
      (error: Error) => error.message,
    );
    expect(output).toContain(
      'boernehus does not start: its configuration is wrong.\n  SAMRAAD_EMERGENCY_ACCESS_HOURS must be a number of hours between 1 and 24, got "0"\n',
    );
    expect(output.match(/ must /g)).toHaveLength(1);
    // Never a stack trace: the operator needs the variable.
    expect(output).not.toMatch(/\n\s+at /);
  });
});
