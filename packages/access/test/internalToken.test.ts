import { describe, expect, it } from "vitest";
import { type Principal, signInternalToken, verifyInternalToken } from "../src/index.ts";

const secret = new TextEncoder().encode("a-test-secret-that-is-long-enough-0123456789");
const principal: Principal = { sub: "persona:x", name: "Syntetisk", sector: "POLICE", organisation: "KBH", roles: ["investigator"] };
const body = JSON.stringify({ query: "{ policeReport(id: 1) { id } }" });
const sign = (overrides: Partial<Parameters<typeof signInternalToken>[0]> = {}) =>
  signInternalToken({ principal, scopes: ["samraad"], audience: "police", body, requestId: "r1", secret, ...overrides });

describe("the gateway-signed internal token", () => {
  it("carries the principal and scopes to the subgraph it was minted for", async () => {
    const claims = await verifyInternalToken(await sign(), { audience: "police", body, secret });
    expect(claims.principal).toEqual(principal);
    expect(claims.scopes).toEqual(["samraad"]);
  });

  it("is refused by another subgraph", async () => {
    await expect(verifyInternalToken(await sign(), { audience: "health", body, secret })).rejects.toThrow(/refused/);
  });

  it("is refused when the body was tampered with", async () => {
    await expect(verifyInternalToken(await sign(), { audience: "police", body: body.replace("1", "2"), secret })).rejects.toThrow(/body/);
  });

  it("is refused when forged with another secret", async () => {
    const forged = await sign({ secret: new TextEncoder().encode("an-attackers-secret-that-is-long-enough-000") });
    await expect(verifyInternalToken(forged, { audience: "police", body, secret })).rejects.toThrow(/refused/);
  });

  it("is refused once expired", async () => {
    const old = await sign({ issuedAt: Math.floor(Date.now() / 1000) - 120 });
    await expect(verifyInternalToken(old, { audience: "police", body, secret })).rejects.toThrow(/exp/);
  });
});
