import { generateInternalKeyPair } from "@samraad/access";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServiceProcess, spawnService } from "../support/serviceProcess.ts";

// The gateway as production runs it: `npm run build`'s bundle on plain node, no TypeScript
// loader. (The subgraphs' bundles run in the process tests that kill and restart them.)
const NOWHERE = "http://127.0.0.1:9/graphql";
const NO_SUBGRAPHS = Object.fromEntries(
  ["MUNICIPALITY", "POLICE", "HEALTH", "BOERNEHUS", "STATISTICS"].map((name) => [`${name}_URL`, NOWHERE]),
);
// The gateway's own signing key for subgraph requests (never a secret shared with them).
const SECRET = { SAMRAAD_INTERNAL_SIGNING_KEY: generateInternalKeyPair().privatePem, SAMRAAD_INTERNAL_SECRET: "" };

describe("the gateway's production bundle", () => {
  describe("outside production (development issuer, asked for by name)", () => {
    let gateway: ServiceProcess;
    beforeAll(async () => {
      gateway = await spawnService("gateway", { ...NO_SUBGRAPHS, ...SECRET, SAMRAAD_DEV_ISSUER: "1" });
    });
    afterAll(async () => {
      gateway.child.kill("SIGTERM");
      await gateway.exited;
    });

    it("loads the supergraph and the Rust planner, and answers a signed-in person", async () => {
      const issued = (await (
        await fetch(`${new URL(gateway.url).origin}/dev/token`, {
          method: "POST",
          body: JSON.stringify({ persona: "coordinator-hovedstaden" }),
        })
      ).json()) as { token: string };
      const answer = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${issued.token}` },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ data: { __typename: "Query" } });
    });

    it("says at start that the development issuer is on", () => {
      expect(gateway.output()).toMatch(/"level":"warn".*DEVELOPMENT ISSUER ON \(SAMRAAD_DEV_ISSUER=1\)/);
    });

    it("refuses a request without a token", async () => {
      const answer = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-samraad-csrf": "1" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    });
  });

  it("runs no development issuer because NODE_ENV is not production: without SAMRAAD_DEV_ISSUER=1 or an issuer it does not start", async () => {
    const started = spawnService("gateway", {
      ...NO_SUBGRAPHS,
      ...SECRET,
      NODE_ENV: "development",
      SAMRAAD_DEV_ISSUER: "",
      SAMRAAD_OIDC_ISSUERS: "",
    });
    await expect(started).rejects.toThrow(
      /exited \(1\) before it was ready:[\s\S]*SAMRAAD_OIDC_ISSUERS must be set to the trusted issuers/,
    );
  });

  it("refuses to start without its signing key, and says what to set", async () => {
    const started = spawnService("gateway", {
      ...NO_SUBGRAPHS,
      SAMRAAD_INTERNAL_SIGNING_KEY: "",
      SAMRAAD_INTERNAL_SECRET: "a".repeat(32),
      SAMRAAD_DEV_ISSUER: "1",
    });
    await expect(started).rejects.toThrow(/exited \(1\) before it was ready:[\s\S]*SAMRAAD_INTERNAL_SIGNING_KEY/);
  });

  it("refuses to start in production without an identity issuer, and says what to set", async () => {
    const started = spawnService("gateway", { ...NO_SUBGRAPHS, ...SECRET, NODE_ENV: "production", SAMRAAD_OIDC_ISSUERS: "" });
    await expect(started).rejects.toThrow(
      /exited \(1\) before it was ready:[\s\S]*SAMRAAD_OIDC_ISSUERS must be set to the trusted issuers/,
    );
  });
});
