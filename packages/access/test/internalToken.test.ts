import { createHmac, generateKeyPairSync } from "node:crypto";
import { decodeProtectedHeader, importPKCS8, jwtVerify, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  generateInternalKeyPair,
  type InternalSigningKey,
  type InternalVerifyKeys,
  internalSigningKey,
  internalVerifyKeys,
  type Principal,
  signInternalToken,
  verifyInternalToken,
} from "../src/index.ts";

const principal: Principal = { sub: "persona:x", name: "Syntetisk", sector: "POLICE", organisation: "KBH", roles: ["investigator"] };
const body = JSON.stringify({ query: "{ policeReport(id: 1) { id } }" });
const gatewayPair = generateInternalKeyPair();
const nextPair = generateInternalKeyPair();
let key: InternalSigningKey;
let next: InternalSigningKey;
let keys: InternalVerifyKeys;
beforeAll(async () => {
  key = await internalSigningKey(gatewayPair.privatePem);
  next = await internalSigningKey(nextPair.privatePem);
  keys = await internalVerifyKeys(gatewayPair.publicPem);
});
const sign = (overrides: Partial<Parameters<typeof signInternalToken>[0]> = {}) =>
  signInternalToken({ principal, scopes: ["samraad"], audience: "police", body, requestId: "r1", key, ...overrides });

describe("the gateway-signed internal token", () => {
  it("carries the principal and scopes to the subgraph it was minted for", async () => {
    const claims = await verifyInternalToken(await sign(), { audience: "police", body, keys });
    expect(claims.principal).toEqual(principal);
    expect(claims.scopes).toEqual(["samraad"]);
  });

  it("is refused by another subgraph", async () => {
    await expect(verifyInternalToken(await sign(), { audience: "health", body, keys })).rejects.toThrow(/refused/);
  });

  it("is refused when the body was tampered with", async () => {
    await expect(verifyInternalToken(await sign(), { audience: "police", body: body.replace("1", "2"), keys })).rejects.toThrow(/body/);
  });

  it("is refused when signed with a key the subgraph does not trust", async () => {
    const forged = await sign({ key: await internalSigningKey(generateInternalKeyPair().privatePem) });
    await expect(verifyInternalToken(forged, { audience: "police", body, keys })).rejects.toThrow(/does not trust/);
  });

  it("is refused when an untrusted key claims a trusted key's kid", async () => {
    const attacker = await internalSigningKey(generateInternalKeyPair().privatePem);
    const forged = await sign({ key: { ...attacker, kid: key.kid, header: key.header } });
    await expect(verifyInternalToken(forged, { audience: "police", body, keys })).rejects.toThrow(/signature/);
  });

  it("is refused once expired", async () => {
    const old = await sign({ issuedAt: Math.floor(Date.now() / 1000) - 120 });
    await expect(verifyInternalToken(old, { audience: "police", body, keys })).rejects.toThrow(/exp|age/);
  });

  it("is refused as HS256, even under the gateway's own kid and with its public key as the secret", async () => {
    const [, payload] = (await sign()).split(".");
    const header = Buffer.from(JSON.stringify({ alg: "HS256", kid: key.kid })).toString("base64url");
    for (const secret of [gatewayPair.publicPem, key.kid, "a".repeat(64)]) {
      const mac = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
      await expect(verifyInternalToken(`${header}.${payload}.${mac}`, { audience: "police", body, keys })).rejects.toThrow(/refused/);
    }
  });

  it("is a standard EdDSA JWS with a key id that any JWT library verifies with the public key", async () => {
    const [first, second] = [await sign(), await sign()];
    expect(decodeProtectedHeader(first)).toEqual({ alg: "EdDSA", kid: key.kid });
    const publicKey = keys.byKid.get(key.kid);
    if (!publicKey) throw new Error("no key");
    const { payload } = await jwtVerify(first, publicKey, { issuer: "samraad-gateway", audience: "police", algorithms: ["EdDSA"] });
    expect(payload).toMatchObject({ sub: principal.sub, rid: "r1", pur: "CASEWORK" });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(30);
    const { payload: other } = await jwtVerify(second, publicKey, { algorithms: ["EdDSA"] });
    expect(other.jti).not.toBe(payload.jti);
  });

  it("is refused when it claims to live longer than 30 seconds", async () => {
    const now = Math.floor(Date.now() / 1000);
    const long = await new SignJWT({ principal, scopes: [], bh: "x", jti: "j" })
      .setProtectedHeader({ alg: "EdDSA", kid: key.kid })
      .setIssuer("samraad-gateway")
      .setAudience("police")
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(await importPKCS8(gatewayPair.privatePem, "EdDSA"));
    await expect(verifyInternalToken(long, { audience: "police", body, keys })).rejects.toThrow(/longer/);
  });

  it("is refused when its signature is stripped (alg none)", async () => {
    const [, payload] = (await sign()).split(".");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", kid: key.kid })).toString("base64url")}.${payload}.`;
    await expect(verifyInternalToken(unsigned, { audience: "police", body, keys })).rejects.toThrow(/refused/);
  });
});

describe("rotating the gateway's key", () => {
  it("accepts both keys while the gateway switches, and only the new one after", async () => {
    const both = await internalVerifyKeys(`${gatewayPair.publicPem}${nextPair.publicPem}`);
    for (const signer of [key, next])
      await expect(verifyInternalToken(await sign({ key: signer }), { audience: "police", body, keys: both })).resolves.toBeTruthy();
    const after = await internalVerifyKeys(nextPair.publicPem);
    await expect(verifyInternalToken(await sign({ key: next }), { audience: "police", body, keys: after })).resolves.toBeTruthy();
    await expect(verifyInternalToken(await sign({ key }), { audience: "police", body, keys: after })).rejects.toThrow(/does not trust/);
  });

  it("holds at most two public keys, and only Ed25519 ones", async () => {
    const three = [gatewayPair, nextPair, generateInternalKeyPair()].map((p) => p.publicPem).join("");
    await expect(internalVerifyKeys(three)).rejects.toThrow(/at most 2/);
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "pem", type: "spki" }).toString();
    await expect(internalVerifyKeys(ec)).rejects.toThrow(/Ed25519/);
    await expect(internalVerifyKeys("a-shared-secret-is-no-public-key")).rejects.toThrow(/public key/);
  });

  it("gives the signing key no way to come from a public key", async () => {
    await expect(internalSigningKey(gatewayPair.publicPem)).rejects.toThrow();
  });
});
