import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { identityFromEnv } from "../src/identity/config.ts";
import { createDevIssuer } from "../src/identity/devIssuer.ts";
import { createVerifier } from "../src/identity/verifier.ts";

const persona = {
  id: "caseworker-test",
  sub: "persona:caseworker-test",
  name: "Syntetisk Rådgiver",
  sector: "MUNICIPALITY" as const,
  organisation: "0101",
  roles: ["caseworker" as const],
  title: "Myndighedsrådgiver",
};

async function idp(issuer: string) {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256" }] };
  const sign = (claims: Record<string, unknown>, opts: { aud?: string; exp?: string | number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(issuer)
      .setAudience(opts.aud ?? "samraad")
      .setSubject(String(claims.sub ?? "user-1"))
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? "5m")
      .sign(privateKey);
  return { jwks, sign };
}

const claims = { name: "Syntetisk Betjent", sector: "POLICE", organisation: "KBH", roles: ["investigator"] };

describe("identity", () => {
  it("trusts several issuers, each for its own tokens", async () => {
    const kombit = await idp("https://kombit.example");
    const politi = await idp("https://politi.example");
    const verify = createVerifier([
      { issuer: "https://kombit.example", audience: "samraad", jwks: kombit.jwks },
      { issuer: "https://politi.example", audience: "samraad", jwks: politi.jwks },
    ]);
    expect(await verify(await politi.sign(claims))).toMatchObject({ sector: "POLICE", organisation: "KBH", roles: ["investigator"] });
    expect(
      await verify(await kombit.sign({ ...claims, sector: "MUNICIPALITY", organisation: "0101", roles: ["caseworker"] })),
    ).toMatchObject({
      sector: "MUNICIPALITY",
    });
  });

  it("refuses a token signed by another key, for another audience, expired, from an unknown issuer, or without a valid principal", async () => {
    const politi = await idp("https://politi.example");
    const impostor = await idp("https://politi.example");
    const stranger = await idp("https://stranger.example");
    const verify = createVerifier([{ issuer: "https://politi.example", audience: "samraad", jwks: politi.jwks }]);
    expect(await verify(await impostor.sign(claims))).toBeNull();
    expect(await verify(await politi.sign(claims, { aud: "other-app" }))).toBeNull();
    expect(await verify(await politi.sign(claims, { exp: Math.floor(Date.now() / 1000) - 120 }))).toBeNull();
    expect(await verify(await stranger.sign(claims))).toBeNull();
    expect(await verify(await politi.sign({ ...claims, sector: "ROYALTY" }))).toBeNull();
    expect(await verify(await politi.sign({ ...claims, roles: ["admin"] }))).toBeNull();
    expect(await verify("not-a-jwt")).toBeNull();
  });

  it("remembers a verified token, but never past its expiry, never for another token, and never as something a request can change", async () => {
    const politi = await idp("https://politi.example");
    let clock = Date.now();
    const verify = createVerifier([{ issuer: "https://politi.example", audience: "samraad", jwks: politi.jwks }], { now: () => clock });
    const token = await politi.sign(claims, { exp: Math.floor(clock / 1000) + 300 });
    const first = await verify(token);
    expect(first).toMatchObject({ sector: "POLICE" });
    expect(await verify(token)).toBe(first); // served from the cache

    // Same header and claims, another signature: the cache is keyed on the whole token.
    const [header, payload] = token.split(".");
    const forged = `${header}.${payload}.${(await politi.sign({ ...claims, roles: ["leader"] })).split(".")[2]}`;
    expect(await verify(forged)).toBeNull();

    // One request cannot widen the principal the next one gets.
    expect(() => (first as { roles: string[] }).roles.push("leader")).toThrow(TypeError);
    expect(await verify(token)).toMatchObject({ roles: ["investigator"] });

    clock += 200_000; // still valid: verified again (the cache holds a token a minute at most), same person
    expect(await verify(token)).toMatchObject({ sector: "POLICE" });
    clock += 100_000 + 31_000; // past exp and jose's 30 s clock tolerance
    expect(await verify(token)).toBeNull();
  });

  it("machine tokens (client credentials) carry sector and organisation with the system role", async () => {
    const kombit = await idp("https://kombit.example");
    const verify = createVerifier([{ issuer: "https://kombit.example", audience: "samraad", jwks: kombit.jwks }]);
    const principal = await verify(
      await kombit.sign({ sub: "client:kbh-sag", client_id: "kbh-sag", sector: "MUNICIPALITY", organisation: "0101", roles: ["system"] }),
    );
    expect(principal).toMatchObject({ sub: "client:kbh-sag", name: "kbh-sag", roles: ["system"] });
  });

  it("runs the development issuer only when no issuer is configured and not in production", async () => {
    const dev = await identityFromEnv([persona], {});
    expect(dev.devIssuer).toBeDefined();
    const issued = await dev.devIssuer?.issue("caseworker-test");
    expect(await dev.verifyToken(issued?.token ?? "")).toMatchObject({ sub: "persona:caseworker-test", organisation: "0101" });

    const configured = await identityFromEnv([persona], {
      SAMRAAD_OIDC_ISSUERS: JSON.stringify([{ issuer: "https://kombit.example", audience: "samraad", jwks: { keys: [] } }]),
    });
    expect(configured.devIssuer).toBeUndefined();
    // A dev token is worthless once a real issuer is configured.
    expect(await configured.verifyToken(issued?.token ?? "")).toBeNull();

    await expect(identityFromEnv([persona], { NODE_ENV: "production" })).rejects.toThrow(/never runs in production/);
  });

  it("the development issuer refuses unknown personas", async () => {
    const dev = await createDevIssuer([persona]);
    expect(await dev.issue("nobody")).toBeNull();
  });
});
