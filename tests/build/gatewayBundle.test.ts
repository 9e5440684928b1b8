import { type ChildProcess, spawn } from "node:child_process";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleService } from "../../scripts/bundle.ts";

// The gateway as production runs it: `npm run build`'s bundle on plain node, no TypeScript
// loader. (The subgraphs' bundles run in the process tests: tests/support/subgraphProcess.ts.)
const NOWHERE = "http://127.0.0.1:9/graphql";

function startBundle(
  bundle: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [bundle], {
    cwd: dirname(dirname(bundle)),
    env: {
      ...process.env,
      GATEWAY_PORT: "0",
      MUNICIPALITY_URL: NOWHERE,
      POLICE_URL: NOWHERE,
      HEALTH_URL: NOWHERE,
      BOERNEHUS_URL: NOWHERE,
      STATISTICS_URL: NOWHERE,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => log, exited };
}

async function readyUrl(started: ReturnType<typeof startBundle>): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const url = started.output().match(/"msg":"gateway ready","url":"(http:[^"]+)"/)?.[1];
    if (url) return url;
    if (started.child.exitCode !== null) throw new Error(`the gateway bundle exited:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the gateway bundle was not ready in 60 s:\n${started.output()}`);
}

describe("the gateway's production bundle", () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = await bundleService("gateway");
  });

  describe("outside production (development issuer)", () => {
    let started: ReturnType<typeof startBundle>;
    let url: string;
    beforeAll(async () => {
      started = startBundle(bundle, { NODE_ENV: "test", SAMRAAD_INTERNAL_SECRET: "a".repeat(32) });
      url = await readyUrl(started);
    });
    afterAll(async () => {
      started.child.kill("SIGTERM");
      await started.exited;
    });

    it("loads the supergraph and the Rust planner, and answers a signed-in person", async () => {
      const origin = new URL(url).origin;
      const issued = (await (
        await fetch(`${origin}/dev/token`, { method: "POST", body: JSON.stringify({ persona: "coordinator-hovedstaden" }) })
      ).json()) as { token: string };
      const body = JSON.stringify({ query: "{ __typename }" });
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${issued.token}` },
        body,
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ data: { __typename: "Query" } });
    });

    it("refuses a request without a token", async () => {
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-samraad-csrf": "1" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    });
  });

  it("refuses to start in production without an identity issuer, and says what to set", async () => {
    const started = startBundle(bundle, { NODE_ENV: "production", SAMRAAD_INTERNAL_SECRET: "a".repeat(32), SAMRAAD_OIDC_ISSUERS: "" });
    const code = await started.exited;
    expect(code).not.toBe(0);
    expect(started.output()).toContain("set SAMRAAD_OIDC_ISSUERS");
    expect(started.output()).not.toMatch(/"msg":"gateway ready"/);
  });
});
