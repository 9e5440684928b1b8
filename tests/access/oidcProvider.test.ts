import { clientCredentialsToken, internalSigningKey } from "@samraad/access";
import { parseConfig } from "@samraad/config";
import { gatewayEnvironment, identity as identityFrom, type RunningGateway, startGateway } from "@samraad/gateway";
import { followUpFactSources, municipalityEnvironment } from "@samraad/municipality";
import { extractStatistics, statisticsEnvironment, tokenSource } from "@samraad/statistics";
import { PERSONAS } from "@samraad/synthetic";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExample } from "../../examples/sector-client.ts";
import { startOidcProvider, type TestProvider } from "../support/oidcProvider.ts";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * The machine clients against a real OpenID provider (oidc-provider), through a gateway that
 * trusts it by the ordinary issuer configuration (SAMRAAD_OIDC_ISSUERS: namespace,
 * speaksFor), not the development issuer: the statistics extractor, the municipality's
 * alert worker and examples/sector-client.ts each get their token by client credentials, and
 * a new one before the old one expires.
 */
const SECRET = "a-test-client-secret-of-some-length";
let stack: Stack;
let idp: TestProvider;
let gateway: RunningGateway;

beforeAll(async () => {
  stack = await startStack({ statistics: true });
  idp = await startOidcProvider({
    namespace: "test-idp",
    speaksFor: { NATIONAL: ["SBST"], MUNICIPALITY: ["0101"] },
    machines: [
      {
        clientId: "statistics-extractor",
        clientSecret: SECRET,
        claims: { name: "Statistikudtræk", sector: "NATIONAL", organisation: "SBST", roles: ["system"] },
        // Short-lived, so the refresh shows within the test: renewed 3 s before it expires.
        ttl: 6,
      },
      {
        clientId: "alerts-kbh",
        clientSecret: SECRET,
        claims: { name: "Alarmtjeneste, Københavns Kommune", sector: "MUNICIPALITY", organisation: "0101", roles: ["system", "alerts"] },
      },
      {
        clientId: "system-kbh",
        clientSecret: SECRET,
        claims: { name: "Sagssystem, Københavns Kommune", sector: "MUNICIPALITY", organisation: "0101", roles: ["system"] },
      },
      {
        // The provider says Frederiksberg; the gateway lets this issuer speak for København only.
        clientId: "system-frb",
        clientSecret: SECRET,
        claims: { name: "Sagssystem, Frederiksberg Kommune", sector: "MUNICIPALITY", organisation: "0147", roles: ["system"] },
      },
    ],
  });
  // The gateway's own start-up path: the issuer list as an operator writes it.
  const config = parseConfig(gatewayEnvironment, {
    SAMRAAD_INTERNAL_SIGNING_KEY: process.env.SAMRAAD_INTERNAL_SIGNING_KEY,
    SAMRAAD_OIDC_ISSUERS: JSON.stringify([idp.trusted]),
  });
  const identity = await identityFrom(PERSONAS, config);
  expect(identity.devIssuer).toBeUndefined();
  const urls = stack.subgraphs;
  gateway = await startGateway({
    supergraphSdl: (await import("@samraad/gateway")).composeSupergraph(),
    subgraphUrls: {
      municipality: urls.municipality.url,
      police: urls.police.url,
      health: urls.health.url,
      boernehus: urls.boernehus.url,
      statistics: urls.statistics?.url as string,
    },
    internalSigningKey: await internalSigningKey(config.internalSigningKey),
    ...identity,
  });
});
afterAll(async () => {
  await gateway?.stop();
  await idp?.stop();
  await stack?.stop();
});

const client = (clientId: string) => ({ tokenUrl: idp.tokenUrl, clientId, clientSecret: SECRET, resource: idp.audience });

async function ask(token: string, query: string) {
  const res = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-samraad-purpose": "STATISTICS" },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
}

describe("machine clients with client credentials from an OpenID provider", () => {
  it("the statistics extractor extracts through the gateway with the provider's tokens (its own configuration)", async () => {
    const keys = ["SAMRAAD_INTERNAL_PUBLIC_KEYS", "SAMRAAD_GRANT_PUBLIC_KEY"];
    const { extractor } = parseConfig(statisticsEnvironment, {
      ...Object.fromEntries(keys.map((name) => [name, process.env[name]])),
      NODE_ENV: "production",
      SAMRAAD_STATISTICS_EXTRACT_MINUTES: "60",
      SAMRAAD_STATISTICS_TOKEN_URL: idp.tokenUrl,
      SAMRAAD_STATISTICS_CLIENT_ID: "statistics-extractor",
      SAMRAAD_STATISTICS_CLIENT_SECRET: SECRET,
      SAMRAAD_STATISTICS_RESOURCE: idp.audience,
    });
    const token = tokenSource(gateway.url, extractor);
    const claims = decodeJwt(await token());
    expect(claims).toMatchObject({ iss: idp.issuer, aud: idp.audience, sub: "statistics-extractor", sector: "NATIONAL" });
    const statistics = stack.subgraphs.statistics;
    if (!statistics) throw new Error("the stack has no statistics service");
    const result = await extractStatistics({ db: statistics.client, gatewayUrl: gateway.url, token, pageSize: 50, now: stack.clock.now() });
    expect(result.courses).toBe(stack.world.courses.length);
  });

  it("fetches a new token before the old one expires, and the gateway takes both", async () => {
    const before = idp.issued.get("statistics-extractor") ?? 0;
    const token = clientCredentialsToken(client("statistics-extractor"));
    const first = await token();
    expect(await token()).toBe(first); // reused while fresh
    const expiresAt = (decodeJwt(first).exp as number) * 1000;
    // 6 s tokens are renewed 3 s before they expire: wait until then, not until the expiry.
    await new Promise((r) => setTimeout(r, 3_200));
    const second = await token();
    const renewedAt = Date.now();
    expect(second).not.toBe(first);
    expect(renewedAt).toBeLessThan(expiresAt);
    expect(idp.issued.get("statistics-extractor")).toBe(before + 2);
    const facts = `{ boernehusStatisticsFacts(first: 1) { facts { coursePseudonym } } }`;
    for (const t of [first, second]) expect((await ask(t, facts)).body.errors).toBeUndefined();
  });

  it("the municipality's alert worker reads its follow-up facts with its own client (its own configuration)", async () => {
    const keys = [
      "SAMRAAD_INTERNAL_PUBLIC_KEYS",
      "SAMRAAD_GRANT_PUBLIC_KEY",
      "SAMRAAD_STATEMENT_PUBLIC_KEY",
      "SAMRAAD_STATEMENT_PRIVATE_KEY",
    ];
    const { followUp } = parseConfig(municipalityEnvironment, {
      ...Object.fromEntries(keys.map((name) => [name, process.env[name]])),
      NODE_ENV: "production",
      SAMRAAD_GATEWAY_URL: gateway.url,
      SAMRAAD_MUNICIPALITY_ALERT_TOKEN_URL: idp.tokenUrl,
      SAMRAAD_MUNICIPALITY_ALERT_CLIENTS: `alerts-kbh:${SECRET}`,
      SAMRAAD_MUNICIPALITY_ALERT_RESOURCE: idp.audience,
    });
    const configured = followUpFactSources(followUp);
    if (!configured.source) throw new Error(`alert worker not configured: ${configured.skipped}`);
    const to = stack.clock.now();
    const from = new Date(to.getTime() - 399 * 86_400_000);
    const facts = await configured.source(from, to);
    const sentWithin = (at: string | null | undefined) =>
      Boolean(at) && Date.parse(at as string) >= from.getTime() && Date.parse(at as string) < to.getTime();
    const ours = stack.world.courses.filter((c) => c.municipalityCode === "0101" && sentWithin(c.finalNote?.sentAt)).map((c) => c.caseId);
    // Its own municipality's sent notes (the børnehus decides which it still shares), never another's.
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) expect(ours).toContain(fact.caseId);
  });

  it("examples/sector-client.ts runs its walk-through with a client-credentials token", async () => {
    const result = await runExample(gateway.url, {
      SAMRAAD_TOKEN_URL: idp.tokenUrl,
      SAMRAAD_CLIENT_ID: "system-kbh",
      SAMRAAD_CLIENT_SECRET: SECRET,
      SAMRAAD_RESOURCE: idp.audience,
      SAMRAAD_EXAMPLE_QUIET: "1",
    });
    expect(result.retried.id).toBe(result.added.id);
    expect(result.done.status).toBe("DONE");
  });

  it("refuses what the provider may not say: an organisation outside its speaksFor, a wrong secret", async () => {
    const frb = await clientCredentialsToken(client("system-frb"))();
    expect(decodeJwt(frb)).toMatchObject({ organisation: "0147" });
    expect((await ask(frb, "{ __typename }")).status).toBe(401);
    await expect(clientCredentialsToken({ ...client("system-kbh"), clientSecret: "wrong" })()).rejects.toThrow(/refused a token/);
  });
});
