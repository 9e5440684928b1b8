import { generateInternalKeyPair } from "@samraad/access";
import { parseConfig } from "@samraad/config";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { gatewayEnvironment } from "../src/config.ts";
import { DEV_ISSUER_WARNING, identity } from "../src/identity/config.ts";
import { createDevIssuer } from "../src/identity/devIssuer.ts";
import { createVerifier, parseIssuers, type TrustedIssuer } from "../src/identity/verifier.ts";

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
  const sign = (claims: Record<string, unknown>, opts: { aud?: string; exp?: string | number | null; iat?: number } = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(issuer)
      .setAudience(opts.aud ?? "samraad")
      .setSubject(String(claims.sub ?? "user-1"))
      .setIssuedAt(opts.iat);
    if (opts.exp !== null) jwt.setExpirationTime(opts.exp ?? "5m");
    return jwt.sign(privateKey);
  };
  return { jwks, sign };
}

const claims = { name: "Syntetisk Betjent", sector: "POLICE", organisation: "KBH", roles: ["investigator"] };
type Jwks = TrustedIssuer["jwks"];
const kombitIssuer = (jwks: Jwks): TrustedIssuer => ({
  issuer: "https://kombit.example",
  audience: "samraad",
  jwks,
  namespace: "kombit",
  speaksFor: { MUNICIPALITY: ["0101", "0147"] },
});
const politiIssuer = (jwks: Jwks): TrustedIssuer => ({
  issuer: "https://politi.example",
  audience: "samraad",
  jwks,
  namespace: "politi",
  speaksFor: { POLICE: ["KBH"] },
});

describe("identity", () => {
  it("trusts several issuers, each for its own tokens", async () => {
    const kombit = await idp("https://kombit.example");
    const politi = await idp("https://politi.example");
    const verify = createVerifier([kombitIssuer(kombit.jwks), politiIssuer(politi.jwks)]);
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
    const verify = createVerifier([politiIssuer(politi.jwks)]);
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
    const verify = createVerifier([politiIssuer(politi.jwks)], { now: () => clock });
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
    const verify = createVerifier([kombitIssuer(kombit.jwks)]);
    const principal = await verify(
      await kombit.sign({ sub: "client:kbh-sag", client_id: "kbh-sag", sector: "MUNICIPALITY", organisation: "0101", roles: ["system"] }),
    );
    expect(principal).toMatchObject({ sub: "kombit:client:kbh-sag", name: "kbh-sag", roles: ["system"] });
  });

  it("runs the development issuer only when asked for by name (SAMRAAD_DEV_ISSUER=1), and warns at start", async () => {
    // NODE_ENV alone switches nothing on: without an issuer the gateway does not start.
    for (const env of [{}, { NODE_ENV: "development" }, { NODE_ENV: "test" }, { SAMRAAD_DEV_ISSUER: "0" }]) {
      expect(() => configured(env)).toThrow(/SAMRAAD_OIDC_ISSUERS must be set to the trusted issuers/);
    }
    expect(() => configured({ SAMRAAD_DEV_ISSUER: "yes" })).toThrow(/SAMRAAD_DEV_ISSUER must be "1" or "0"/);

    const warnings: string[] = [];
    const dev = await identity([persona], configured({ SAMRAAD_DEV_ISSUER: "1" }), (line) => warnings.push(line));
    expect(warnings).toEqual([DEV_ISSUER_WARNING]);
    expect(dev.devIssuer).toBeDefined();
    const issued = await dev.devIssuer?.issue("caseworker-test");
    // Namespaced by the issuer, as the synthetic world seeds its participation: persona:<id>.
    expect(await dev.verifyToken(issued?.token ?? "")).toMatchObject({ sub: "persona:caseworker-test", organisation: "0101" });

    const kombit = await idp("https://kombit.example");
    const real = await identity([persona], configured({ SAMRAAD_OIDC_ISSUERS: JSON.stringify([kombitIssuer(kombit.jwks)]) }), (line) =>
      warnings.push(line),
    );
    expect(real.devIssuer).toBeUndefined();
    expect(warnings).toHaveLength(1);
    // A dev token is worthless once a real issuer is configured.
    expect(await real.verifyToken(issued?.token ?? "")).toBeNull();

    expect(() => configured({ SAMRAAD_DEV_ISSUER: "1", NODE_ENV: "production", SAMRAAD_TRUSTED_DOCUMENTS: "x.json" })).toThrow(
      /never runs in production/,
    );
    expect(() => configured({ SAMRAAD_DEV_ISSUER: "1", SAMRAAD_OIDC_ISSUERS: JSON.stringify([kombitIssuer(kombit.jwks)]) })).toThrow(
      /choose one/,
    );
    // And the same refusals if the settings came from anywhere else.
    await expect(identity([persona], { devIssuer: false, issuers: [] }, () => {})).rejects.toThrow(/No identity issuer configured/);
  });

  it("the development issuer refuses unknown personas", async () => {
    const dev = await createDevIssuer([persona]);
    expect(await dev.issue("nobody")).toBeNull();
  });

  it("the development issuer speaks only for its personas' organisations", async () => {
    const dev = await createDevIssuer([persona]);
    expect(dev.trusted).toMatchObject({ namespace: "persona", speaksFor: { MUNICIPALITY: ["0101"] } });
  });
});

describe("issuers bound to what they may speak for (issue 21, point 2)", () => {
  it("refuses a token claiming a sector or organisation its issuer was not configured for", async () => {
    const politi = await idp("https://politi.example");
    const kombit = await idp("https://kombit.example");
    const verify = createVerifier([politiIssuer(politi.jwks), kombitIssuer(kombit.jwks)]);
    expect(await verify(await politi.sign(claims))).toMatchObject({ sector: "POLICE", organisation: "KBH" });
    // The police IdP cannot speak for a municipality, a hospital, or another police district.
    expect(await verify(await politi.sign({ ...claims, sector: "MUNICIPALITY", organisation: "0101", roles: ["caseworker"] }))).toBeNull();
    expect(await verify(await politi.sign({ ...claims, sector: "HEALTH", organisation: "REGION_H", roles: ["physician"] }))).toBeNull();
    expect(await verify(await politi.sign({ ...claims, organisation: "FYN" }))).toBeNull();
    // Nor KOMBIT for the police, or for a municipality it was not given.
    expect(await verify(await kombit.sign(claims))).toBeNull();
    expect(await verify(await kombit.sign({ ...claims, sector: "MUNICIPALITY", organisation: "0751", roles: ["caseworker"] }))).toBeNull();
  });

  it("namespaces principal ids by issuer, so no issuer can assert another's person", async () => {
    const politi = await idp("https://politi.example");
    const kombit = await idp("https://kombit.example");
    const verify = createVerifier([politiIssuer(politi.jwks), kombitIssuer(kombit.jwks)]);
    const municipal = { ...claims, sector: "MUNICIPALITY", organisation: "0101", roles: ["caseworker"] };
    expect((await verify(await kombit.sign({ ...municipal, sub: "user-1" })))?.sub).toBe("kombit:user-1");
    expect((await verify(await politi.sign({ ...claims, sub: "user-1" })))?.sub).toBe("politi:user-1");
    // The police IdP naming KOMBIT's person gets its own, other id.
    expect((await verify(await politi.sign({ ...claims, sub: "kombit:user-1" })))?.sub).toBe("politi:kombit:user-1");
    // The demo personas' ids are the development issuer's alone.
    expect((await verify(await politi.sign({ ...claims, sub: "persona:investigator-kbh" })))?.sub).toBe("politi:persona:investigator-kbh");
  });

  it("requires exp and bounds clock skew", async () => {
    const politi = await idp("https://politi.example");
    const clock = Date.now();
    const now = Math.floor(clock / 1000);
    const verify = createVerifier([politiIssuer(politi.jwks)], { now: () => clock });
    expect(await verify(await politi.sign(claims, { exp: null }))).toBeNull(); // no exp: never
    expect(await verify(await politi.sign(claims, { exp: now - 10 }))).not.toBeNull(); // within the 30 s tolerance
    expect(await verify(await politi.sign(claims, { exp: now - 31 }))).toBeNull();
    expect(await verify(await politi.sign(claims, { iat: now + 10 }))).not.toBeNull();
    expect(await verify(await politi.sign(claims, { iat: now + 300 }))).toBeNull(); // issued in the future
  });

  it("refuses a configuration without namespace or speaksFor, with a wildcard, or with a namespace twice", () => {
    const base = { issuer: "https://politi.example", audience: "samraad", jwks: "https://politi.example/jwks" };
    const env = (issuers: unknown[]) => JSON.stringify(issuers);
    expect(() => parseIssuers(env([base]))).toThrow(/namespace/);
    expect(() => parseIssuers(env([{ ...base, namespace: "politi" }]))).toThrow(/speaksFor/);
    expect(() => parseIssuers(env([{ ...base, namespace: "a:b", speaksFor: { POLICE: ["KBH"] } }]))).toThrow(/namespace/);
    expect(() => parseIssuers(env([{ ...base, namespace: "politi", speaksFor: { POLICE: ["*"] } }]))).toThrow(/wildcard/);
    expect(() => parseIssuers(env([{ ...base, namespace: "politi", speaksFor: { POLICE: [] } }]))).toThrow(/organisations/);
    expect(() => parseIssuers(env([{ ...base, namespace: "politi", speaksFor: { ROYALTY: ["X"] } }]))).toThrow(/not a sector/);
    const ok = { ...base, namespace: "politi", speaksFor: { POLICE: ["KBH"] } };
    expect(parseIssuers(env([ok]))).toHaveLength(1);
    expect(() => parseIssuers(env([ok, { ...ok, issuer: "https://other.example" }]))).toThrow(/another issuer's/);
  });
});

const SIGNING_KEY = generateInternalKeyPair().privatePem;

/** The gateway's identity settings as its config parses them at start (with its signing key). */
function configured(vars: Record<string, string | undefined>) {
  return parseConfig(gatewayEnvironment, { SAMRAAD_INTERNAL_SIGNING_KEY: SIGNING_KEY, ...vars });
}
