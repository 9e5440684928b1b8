import { createHmac, createPrivateKey, createPublicKey, type KeyObject, randomUUID, sign } from "node:crypto";
import { bodyHash, INTERNAL_TOKEN_HEADER, internalSigningKey, type Principal, scopesFor, signInternalToken } from "@samraad/access";
import { health } from "@samraad/health";
import { runSubgraph, type SubgraphInstance } from "@samraad/subgraph-kit";
import { calculateJwkThumbprint, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKeys, serviceEnvs } from "../../scripts/serviceEnv.ts";

/**
 * Issue 21, point 1: whoever runs one sector's server cannot speak to another sector.
 * Takes everything in the police subgraph's environment (as `npm run dev` gives it, see
 * scripts/serviceEnv.ts) and signs, with every value and every key in it, the requests a
 * forger would try; the health subgraph, configured as it is given, refuses every one.
 */
const physician: Principal = {
  sub: "persona:physician-rh",
  name: "Test Læge",
  sector: "HEALTH",
  organisation: "REGION_H",
  roles: ["physician"],
};
const body = JSON.stringify({ query: "{ __typename }", variables: {} });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

const envs = serviceEnvs(await runKeys({}), { base: {}, gatewayUrl: "http://127.0.0.1:9/graphql" });
const policeEnv = envs.police;
let sg: SubgraphInstance<unknown>;
let gatewayKid: string;

// Put back after the file: the next file in this worker process starts its own services.
const KEY_VARIABLES = [
  "SAMRAAD_INTERNAL_PUBLIC_KEYS",
  "SAMRAAD_GRANT_PUBLIC_KEY",
  "SAMRAAD_PSEUDONYM_KEY",
  "SAMRAAD_INTERNAL_SIGNING_KEY",
  "SAMRAAD_GRANT_PRIVATE_KEY",
];
const environmentBefore = Object.fromEntries(KEY_VARIABLES.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  // This process runs health exactly as configured: its public keys, and no signing key.
  for (const name of ["SAMRAAD_INTERNAL_PUBLIC_KEYS", "SAMRAAD_GRANT_PUBLIC_KEY", "SAMRAAD_PSEUDONYM_KEY"])
    process.env[name] = envs.health[name];
  delete process.env.SAMRAAD_INTERNAL_SIGNING_KEY;
  delete process.env.SAMRAAD_GRANT_PRIVATE_KEY;
  sg = (await runSubgraph(health, { database: "test" })) as SubgraphInstance<unknown>;
  gatewayKid = (await internalSigningKey(envs.gateway.SAMRAAD_INTERNAL_SIGNING_KEY as string)).kid;
});
afterAll(async () => {
  await sg?.stop();
  for (const [name, value] of Object.entries(environmentBefore)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const send = (token: string) =>
  fetch(sg.url, { method: "POST", headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token }, body });

function claims() {
  const iat = Math.floor(Date.now() / 1000);
  return {
    principal: physician,
    scopes: scopesFor(physician),
    bh: bodyHash(body),
    rid: randomUUID(),
    pur: "CASEWORK",
    iss: "samraad-gateway",
    aud: "health",
    sub: physician.sub,
    jti: randomUUID(),
    iat,
    exp: iat + 30,
  };
}

/** Every string the police subgraph holds, and the pieces inside them (PEM blocks, decoded hex/base64). */
function everythingIn(env: NodeJS.ProcessEnv): Buffer[] {
  const found: Buffer[] = [];
  for (const value of Object.values(env)) {
    if (!value) continue;
    found.push(Buffer.from(value));
    for (const pem of value.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? []) {
      found.push(Buffer.from(pem));
      const inner = pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s/g, "");
      found.push(Buffer.from(inner, "base64"));
    }
    if (/^[0-9a-f]+$/i.test(value) && value.length % 2 === 0) found.push(Buffer.from(value, "hex"));
  }
  return found;
}

function privateKeysIn(values: Buffer[]): KeyObject[] {
  const keys: KeyObject[] = [];
  for (const value of values) {
    for (const attempt of [() => createPrivateKey(value), () => createPrivateKey({ key: value, format: "der", type: "pkcs8" })]) {
      try {
        keys.push(attempt());
      } catch {
        // not a private key
      }
    }
  }
  return keys;
}

describe("no sector can sign for another (police's configuration against health)", () => {
  it("health answers the gateway's signature (the control)", async () => {
    const key = await internalSigningKey(envs.gateway.SAMRAAD_INTERNAL_SIGNING_KEY as string);
    const token = await signInternalToken({
      principal: physician,
      scopes: scopesFor(physician),
      audience: "health",
      body,
      requestId: "r",
      key,
    });
    const answer = await send(token);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { __typename: "Query" } });
    // The forgeries below are built the same way: with the gateway's key, health would accept them.
    const input = `${b64({ alg: "EdDSA", kid: gatewayKid })}.${b64(claims())}`;
    const handMade = `${input}.${sign(null, Buffer.from(input), key.privateKey).toString("base64url")}`;
    expect((await send(handMade)).status).toBe(200);
  });

  it("the police subgraph holds the gateway's public key, and no private key of any kind", () => {
    expect(policeEnv.SAMRAAD_INTERNAL_PUBLIC_KEYS).toContain("BEGIN PUBLIC KEY");
    expect(policeEnv.SAMRAAD_INTERNAL_SIGNING_KEY).toBeFalsy();
    expect(policeEnv.SAMRAAD_INTERNAL_SECRET).toBeFalsy();
    expect(privateKeysIn(everythingIn(policeEnv))).toEqual([]);
  });

  it("no service but the gateway holds the gateway's private key (npm run dev's environments)", async () => {
    for (const [service, env] of Object.entries(envs)) {
      const kids = await Promise.all(
        privateKeysIn(everythingIn(env))
          .filter((key) => key.asymmetricKeyType === "ed25519")
          .map((key) => calculateJwkThumbprint(createPublicKey(key).export({ format: "jwk" }) as JWK)),
      );
      expect({ service, holdsGatewayKey: kids.includes(gatewayKid) }).toEqual({ service, holdsGatewayKey: service === "gateway" });
    }
  });

  it("health refuses every request signed with anything in police's configuration", async () => {
    const values = everythingIn(policeEnv);
    const tokens: string[] = [];
    const kids = [gatewayKid, undefined];
    for (const kid of kids) {
      const headerOf = (alg: string) => b64(kid ? { alg, kid } : { alg });
      // Symmetric: each value as an HMAC secret (the old shared secret; the public key, alg confusion).
      for (const [alg, hash] of [
        ["HS256", "sha256"],
        ["HS384", "sha384"],
        ["HS512", "sha512"],
      ] as const) {
        for (const secret of values) {
          const input = `${headerOf(alg)}.${b64(claims())}`;
          tokens.push(`${input}.${createHmac(hash, secret).update(input).digest("base64url")}`);
        }
      }
      // Asymmetric: any private key that could be found in it (there is none, asserted above).
      for (const key of privateKeysIn(values)) {
        const alg = key.asymmetricKeyType === "ed25519" ? "EdDSA" : key.asymmetricKeyType === "ec" ? "ES256" : "RS256";
        const ownKid = await calculateJwkThumbprint(key.export({ format: "jwk" }) as JWK);
        for (const k of [kid, ownKid]) {
          const input = `${b64({ alg, kid: k })}.${b64(claims())}`;
          const signature = sign(alg === "EdDSA" ? null : "sha256", Buffer.from(input), key).toString("base64url");
          tokens.push(`${input}.${signature}`);
        }
      }
      // No signature at all.
      tokens.push(`${headerOf("none")}.${b64(claims())}.`);
    }
    // And what police does receive: a genuine gateway token, but for police, sent on to health.
    const gatewayKey = await internalSigningKey(envs.gateway.SAMRAAD_INTERNAL_SIGNING_KEY as string);
    tokens.push(
      await signInternalToken({
        principal: physician,
        scopes: scopesFor(physician),
        audience: "police",
        body,
        requestId: "p",
        key: gatewayKey,
      }),
    );

    expect(tokens.length).toBeGreaterThan(20);
    const statuses = await Promise.all(tokens.map(async (token) => (await send(token)).status));
    expect(statuses.filter((status) => status !== 401)).toEqual([]);
  });
});
