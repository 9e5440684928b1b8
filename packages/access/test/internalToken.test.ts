import { decodeProtectedHeader, jwtVerify } from "jose";
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

  it("is a standard HS256 JWS that any JWT library verifies with the shared secret", async () => {
    const [first, second] = [await sign(), await sign()];
    expect(decodeProtectedHeader(first)).toEqual({ alg: "HS256" });
    const { payload } = await jwtVerify(first, secret, { issuer: "samraad-gateway", audience: "police", algorithms: ["HS256"] });
    expect(payload).toMatchObject({ sub: principal.sub, rid: "r1", pur: "CASEWORK" });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(30);
    const { payload: other } = await jwtVerify(second, secret, { algorithms: ["HS256"] });
    expect(other.jti).not.toBe(payload.jti);
  });

  it("is refused when its signature is stripped (alg none)", async () => {
    const [, payload] = (await sign()).split(".");
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${payload}.`;
    await expect(verifyInternalToken(unsigned, { audience: "police", body, secret })).rejects.toThrow(/refused/);
  });
});
