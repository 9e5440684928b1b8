import { createEmptyTestDatabase } from "@samraad/db";
import { DEFAULT_LIMITS } from "@samraad/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loneGateways } from "../support/loneGateway.ts";

let gateways: Awaited<ReturnType<typeof loneGateways>>;
let database: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  gateways = await loneGateways();
  database = await createEmptyTestDatabase("ratelimit");
});
afterAll(async () => {
  await gateways?.stop();
  await database?.drop();
});

async function ask(url: string, token: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string; retryAfterSeconds?: number } }> };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), code: body.errors?.[0]?.extensions?.code };
}

const limits = { ...DEFAULT_LIMITS, rateLimitPerWindow: 3, systemRateLimitPerWindow: 6, rateLimitWindowSeconds: 60 };

describe("per-principal rate limits", () => {
  it("share one budget across replicas when the counters are in the database", async () => {
    const [a, b] = [
      await gateways.start({ limits, rateLimitDatabaseUrl: database.url }),
      await gateways.start({ limits, rateLimitDatabaseUrl: database.url }),
    ];
    expect(a.rateLimitScope).toBe("shared");
    const caseworker = await gateways.token("caseworker-kbh");
    const statuses = [];
    for (const url of [a.url, b.url, a.url]) statuses.push((await ask(url, caseworker)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await ask(b.url, caseworker);
    expect(refused).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Someone else's budget is their own.
    expect((await ask(b.url, await gateways.token("leader-kbh"))).status).toBe(200);
    // A sector system has the larger machine budget.
    const system = await gateways.token("system-kbh");
    const systemStatuses = [];
    for (let i = 0; i < 7; i++) systemStatuses.push((await ask(i % 2 ? a.url : b.url, system)).status);
    expect(systemStatuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it("count per replica without a database, as the start-up log says", async () => {
    const [a, b] = [await gateways.start({ limits }), await gateways.start({ limits })];
    expect(a.rateLimitScope).toBe("per-replica");
    const investigator = await gateways.token("investigator-kbh");
    for (let i = 0; i < 3; i++) expect((await ask(a.url, investigator)).status).toBe(200);
    expect((await ask(a.url, investigator)).code).toBe("RATE_LIMITED");
    expect((await ask(b.url, investigator)).status).toBe(200);
  });

  it("count survey respondents (no token) per address first, so one client cannot spend everyone's budget", async () => {
    const survey = (url: string, forwardedFor: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ query: `query($t: String!) { surveyForm(token: $t) { respondent } }`, variables: { t: "x".repeat(43) } }),
      }).then((res) => res.status);
    const perAddress = { ...limits, rateLimitPerWindow: 100, surveyRateLimitPerAddress: 2 };
    // Behind one trusted proxy (HAProxy's X-Forwarded-For): each address has its own two requests.
    const behindProxy = await gateways.start({ limits: perAddress, trustedProxyHops: 1 });
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await survey(behindProxy.url, "198.51.100.7"));
    expect(first).toEqual([200, 200, 429]);
    expect(await survey(behindProxy.url, "198.51.100.8")).toBe(200);
    // What the client wrote itself stands left of what the proxy appended: it cannot pick its address.
    expect(await survey(behindProxy.url, "203.0.113.1, 198.51.100.7")).toBe(429);
    // Directly connected, the header is the client's own word and is ignored: one socket, one budget.
    const direct = await gateways.start({ limits: perAddress });
    const statuses = [];
    for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) statuses.push(await survey(direct.url, address));
    expect(statuses).toEqual([200, 200, 429]);
    // People with a token are counted as before, by who they are.
    expect((await ask(direct.url, await gateways.token("caseworker-kbh"))).status).toBe(200);
  });

  it("refuses unauthenticated requests before counting anything", async () => {
    const gateway = await gateways.start({ limits });
    for (let i = 0; i < 5; i++) expect((await ask(gateway.url, "not-a-token")).status).toBe(401);
  });
});
