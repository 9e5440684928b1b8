/**
 * What the gateway's signature costs per subgraph request, and a subgraph's verification:
 *   npx tsx bench/src/internalTokenCost.ts [iterations]
 * Ed25519 (node:crypto sign, jose verify: what runs) against the HS256 token it replaced
 * (node:crypto HMAC sign, jose verify with an imported key), over a body the size of a case
 * view's subgraph request. Prints µs of CPU and of wall time per token, one token at a time.
 */
import { createHmac, createPublicKey, randomBytes, verify, webcrypto } from "node:crypto";
import {
  bodyHash,
  generateInternalKeyPair,
  internalSigningKey,
  internalVerifyKeys,
  type Principal,
  signInternalToken,
  verifyInternalToken,
} from "@samraad/access";
import { jwtVerify } from "jose";

const N = Number(process.argv[2] ?? 20_000);
const principal: Principal = {
  sub: "persona:physician-rh",
  name: "Test Læge",
  sector: "HEALTH",
  organisation: "REGION_H",
  roles: ["physician"],
};
const scopes = ["samraad", "sector:health", "role:physician"];
const body = JSON.stringify({
  query: `query($representations:[_Any!]!){ _entities(representations:$representations){ ... on BoernehusCase { medicalExaminations { id kind performedAt findingsSummary } } } }`,
  variables: {
    representations: Array.from({ length: 5 }, (_, i) => ({
      __typename: "BoernehusCase",
      id: `case-${i}`,
      accessGrant: randomBytes(180).toString("base64url"),
    })),
  },
});

const pair = generateInternalKeyPair();
const key = await internalSigningKey(pair.privatePem);
const keys = await internalVerifyKeys(pair.publicPem);

// The HS256 token as main signed it (packages/access/src/internalToken.ts before issue 21).
const secret = new TextEncoder().encode(randomBytes(32).toString("hex"));
const hmacKey = await webcrypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const HS = b64({ alg: "HS256" });
async function signHs256(): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const payload = b64({
    principal,
    scopes,
    bh: "x",
    rid: "r",
    pur: "CASEWORK",
    iss: "samraad-gateway",
    aud: "health",
    sub: principal.sub,
    jti: crypto.randomUUID(),
    iat,
    exp: iat + 30,
  });
  const input = `${HS}.${payload}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

async function measure(name: string, make: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(2000, N); i++) await make(); // warm up
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < N; i++) await make();
  const used = process.cpuUsage(cpu);
  const perCpu = (used.user + used.system) / N;
  const perWall = ((performance.now() - wall) * 1000) / N;
  console.log(`${name.padEnd(44)} ${perCpu.toFixed(1).padStart(7)} µs CPU  ${perWall.toFixed(1).padStart(7)} µs wall`);
}

console.log(`${N} tokens each, body ${body.length} bytes, Node ${process.version}`);
const ed = await signInternalToken({ principal, scopes, audience: "health", body, requestId: "r", key });
const hs = await signHs256();
await measure("sign   Ed25519 (node:crypto, now)", () =>
  signInternalToken({ principal, scopes, audience: "health", body, requestId: "r", key }),
);
await measure("sign   HS256 (node:crypto HMAC, before)", signHs256);
await measure("verify Ed25519 (jose, with body hash, now)", () => verifyInternalToken(ed, { audience: "health", body, keys }));
await measure("verify HS256 (jose + body hash, before)", async () => {
  await jwtVerify(hs, hmacKey, { algorithms: ["HS256"] });
  return bodyHash(body);
});
// Where the time goes: the Ed25519 signature check alone, synchronous, without jose's WebCrypto round trip.
const publicKey = createPublicKey(pair.publicPem);
const [h, p, sig] = ed.split(".");
await measure("(reference) Ed25519 signature alone (node:crypto)", async () =>
  verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(sig as string, "base64url")),
);
