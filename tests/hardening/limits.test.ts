import http from "node:http";
import type { AddressInfo } from "node:net";
import { boundedParseCaches, DEFAULT_LIMITS } from "@samraad/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
let token: string;
beforeAll(async () => {
  stack = await startStack({ courses: 12 });
  token = await stack.token("coordinator-hovedstaden");
});
afterAll(async () => stack?.stop());

async function post(
  body: string,
  headers: Record<string, string> = {},
  url = stack.gatewayUrl,
): Promise<GraphQLResponse & { raw: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
    body,
  });
  const raw = await res.text();
  return { status: res.status, raw, ...(JSON.parse(raw) as object) };
}
const gql = (query: string, variables: Record<string, unknown> = {}, url?: string) => post(JSON.stringify({ query, variables }), {}, url);

/** Nothing a refused request gets back may carry internals. */
function expectClean(res: { raw: string }) {
  expect(res.raw).not.toMatch(/\bat .+\.(ts|js):\d+|stacktrace|originalError|Did you mean/i);
}

function nested(depth: number): string {
  // Child.referrals → Referral.child is a cycle in the graph: one step = two levels.
  let selection = "id";
  for (let i = 0; i < depth / 2; i++) selection = `referrals { child { ${selection} } }`;
  return `query($id: ID!) { boernehusCase(id: $id) { child { ${selection} } } }`;
}

describe("limits on the shape of an operation", () => {
  it("refuses an operation nested deeper than the limit, with a code", async () => {
    const res = await gql(nested(DEFAULT_LIMITS.maxDepth), { id: "x" });
    expect(res.errors?.[0]?.extensions?.code).toBe("DEPTH_LIMIT_EXCEEDED");
    expect(res.errors?.[0]?.message).toMatch(/depth limit of 12/);
    expectClean(res);
  });

  it("refuses alias amplification", async () => {
    const aliases = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: boernehusCase(id: "x") { id }`).join(" ");
    const res = await gql(`{ ${aliases} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("ALIAS_LIMIT_EXCEEDED");
    expectClean(res);
  });

  it("refuses a document with too many tokens before validating it", async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => "id").join(" ");
    const res = await gql(`{ boernehusCase(id: "x") { ${fields} } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("TOKEN_LIMIT_EXCEEDED");
    expectClean(res);
  });

  it("refuses directive overloading", async () => {
    const directives = Array.from({ length: DEFAULT_LIMITS.maxDirectives + 1 }, () => "@include(if: true)").join(" ");
    const res = await gql(`{ boernehusCase(id: "x") { id ${directives} } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("DIRECTIVE_LIMIT_EXCEEDED");
    expectClean(res);
  });

  it("refuses an operation over the cost limit, and lets an ordinary one through", async () => {
    const tight = await stack.startGateway({ limits: { ...DEFAULT_LIMITS, maxCost: 20 } });
    const costly = await gql(
      `{ boernehusCases(first: 5) { id status region child { firstName lastName } referral { referredAt } } }`,
      {},
      tight.url,
    );
    expect(costly.errors?.[0]?.extensions?.code).toBe("COST_LIMIT_EXCEEDED");
    expectClean(costly);
    const cheap = await gql(`{ boernehusCases(first: 1) { id } }`, {}, tight.url);
    expect(cheap.errors).toBeUndefined();
  });

  it("lets the case view through under the default limits", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden");
    const res = await gql(
      `query CaseView($id: ID!) { boernehusCase(id: $id) { id status region referralReceivedAt child { firstName lastName }
        referral { referredAt abuseTypes } caseworker { caseworkerName } policeReport { journalNumber videoInterviews { status scheduledAt } }
        medicalExaminations { kind unit findingsSummary } samraadMeetings { kind actionItems { title owningSector status } }
        finalNote { status recommendations { kind response { response } } } } }`,
      { id: course.caseId },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.boernehusCase).toMatchObject({ id: course.caseId });
  });
});

describe("limits on the request", () => {
  it("refuses a body over the size limit before reading it", async () => {
    const res = await post(
      JSON.stringify({ query: `{ boernehusCases { id } }`, variables: { pad: "x".repeat(DEFAULT_LIMITS.maxRequestBytes) } }),
    );
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a body that does not declare its length", async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ query: "{ boernehusCases { id } }" })));
        controller.close();
      },
    });
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(411);
    expect(((await res.json()) as GraphQLResponse).errors?.[0]?.extensions?.code).toBe("LENGTH_REQUIRED");
  });

  it("answers refusals made below GraphQL (media types, URL and header sizes) with JSON and a code", async () => {
    const query = "{ __typename }";
    const refused = async (res: Response) => ({
      status: res.status,
      type: res.headers.get("content-type"),
      code: ((await res.json()) as GraphQLResponse).errors?.[0]?.extensions?.code,
    });
    const auth = { authorization: `Bearer ${token}` };
    const textPlain = await fetch(stack.gatewayUrl, { method: "POST", headers: { ...auth, "content-type": "text/html" }, body: query });
    expect(await refused(textPlain)).toMatchObject({ status: 415, type: expect.stringMatching(/json/), code: "UNSUPPORTED_MEDIA_TYPE" });
    const xml = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", accept: "application/xml" },
      body: JSON.stringify({ query }),
    });
    expect(await refused(xml)).toMatchObject({ status: 406, code: "NOT_ACCEPTABLE" });
    // A URL under the request limit but over node's default header size (16 KB) is served...
    const longGet = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent(`${query} #${"x".repeat(30_000)}`)}`, { headers: auth });
    expect(longGet.status).toBe(200);
    // ...one over the limit gets 414, and headers beyond what the parser takes get 431: both coded.
    const tooLong = await fetch(`${stack.gatewayUrl}?query=${"x".repeat(DEFAULT_LIMITS.maxRequestBytes)}`, { headers: auth });
    expect(await refused(tooLong)).toMatchObject({ status: 414, code: "URI_TOO_LONG" });
    const hugeHeader = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "x-pad": "x".repeat(DEFAULT_LIMITS.maxRequestBytes + 20_000) },
      body: JSON.stringify({ query }),
    });
    expect(await refused(hugeHeader)).toMatchObject({ status: 431, code: "HEADERS_TOO_LARGE" });
  });

  it("reads a body at the door only as the runtime would: the token is still judged first, broken JSON still gets a coded 400", async () => {
    const broken = '{"query": "{ boernehusCases { id } }"';
    // Without a token, or with a false one, the answer is 401 whatever the body holds.
    expect((await post(broken, { authorization: "" })).status).toBe(401);
    expect((await post(broken, { authorization: "Bearer not-a-token" })).status).toBe(401);
    expect((await post(JSON.stringify({ query: "{ boernehusCases { id } }" }), { authorization: "" })).status).toBe(401);
    // With one, broken JSON and bodies that are no GraphQL request get the runtime's BAD_REQUEST, clean.
    for (const body of [broken, "{}", "[]", "42", '"text"', "null"]) {
      const res = await post(body);
      expect(res.errors?.[0]?.extensions?.code, body).toBe("BAD_REQUEST");
      expect(res.data, body).toBeUndefined();
      expectClean(res);
    }
    // A well-formed body parsed at the door is served, with its variables intact.
    const course = stack.courseOf("persona:coordinator-hovedstaden", () => true);
    const served = await gql(`query($id: ID!) { boernehusCase(id: $id) { id } }`, { id: course.caseId });
    expect(served.data?.boernehusCase).toEqual({ id: course.caseId });
  });

  it("has HTTP batching off by default, and bounded when switched on", async () => {
    const one = { query: "{ boernehusCases(first: 1) { id } }" };
    const refused = await post(JSON.stringify([one, one]));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBeTypeOf("string");
    expectClean(refused);
    const batching = await stack.startGateway({ limits: { ...DEFAULT_LIMITS, maxBatch: 2 } });
    const two = await fetch(batching.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify([one, one]),
    });
    expect(((await two.json()) as unknown[]).length).toBe(2);
    const three = await post(JSON.stringify([one, one, one]), {}, batching.url);
    expect(three.status).toBe(413);
    expectClean(three);
  });

  it("refuses a simple (non-preflighted) request that carries neither a bearer token nor the CSRF header", async () => {
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent("{ boernehusCases(first: 1) { id } }")}`;
    const forged = await fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect([401, 403]).toContain(forged.status);
    const withToken = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
  });
});

describe("what errors reveal", () => {
  it("suggests no field names and no enum values", async () => {
    const field = await gql(`{ boernehusCase(id: "x") { statu } }`);
    expect(field.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(field.raw).not.toContain("status");
    expectClean(field);
    const enumValue = await gql(`query($f: CaseFilter) { boernehusCases(filter: $f) { id } }`, { f: { status: "OPE" } });
    expect(enumValue.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expectClean(enumValue);
  });

  it("has introspection and GraphiQL off in production, on in development", async () => {
    const introspect = `{ __schema { types { name } } }`;
    const dev = await gql(introspect);
    expect(dev.errors).toBeUndefined();
    const production = await stack.startGateway({ production: true });
    const refused = await gql(introspect, {}, production.url);
    expect(refused.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    const aliased = await gql(`{ t: __type(name: "BoernehusCase") { fields { name } } }`, {}, production.url);
    expect(aliased.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    expect(aliased.raw).not.toContain("caseworker");
    const typename = await gql(`{ __typename }`, {}, production.url);
    expect(typename.data).toEqual({ __typename: "Query" });
    const graphiql = await fetch(production.url, { headers: { accept: "text/html" } });
    expect(await graphiql.text()).not.toMatch(/graphiql/i);
  });
});

describe("timeouts to subgraphs", () => {
  it("answers with the other sectors' data when one subgraph does not answer in time", async () => {
    const silent = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    try {
      const gateway = await stack.startGateway({
        limits: { ...DEFAULT_LIMITS, upstreamTimeoutMs: 500 },
        subgraphUrls: { police: silentUrl },
      });
      const course = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.police !== null);
      const res = await gql(
        `query($id: ID!) { boernehusCase(id: $id) { id status policeReport { journalNumber } } }`,
        { id: course.caseId },
        gateway.url,
      );
      expect(res.data?.boernehusCase).toMatchObject({ id: course.caseId, status: course.course.status });
      // The gateway's own transport times the call (upstream/signedTransport.ts) and says it was time, not a refusal.
      expect(res.errors?.map((e) => e.extensions)).toContainEqual(
        expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", sector: "POLICE", cause: "timeout" }),
      );
      expectClean(res);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe("the parse caches", () => {
  // Yoga kept 1,024 parsed documents whatever their size: a principal who may send its own
  // (a sector system) could fill the heap with distinct documents near the token limit.
  it("hold what a sector system sends within their budget, and still serve a document again", async () => {
    const budget = 2 * 1024 * 1024;
    const caches = boundedParseCaches(budget);
    const gateway = await stack.startGateway({ parseCaches: caches });
    const system = await stack.token("system-kbh");
    const send = async (query: string) => {
      const res = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${system}` },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as GraphQLResponse;
      expect(res.status).toBeLessThan(500);
      return body;
    };
    // Each about 4,000 tokens: some 1 MB of heap parsed, 32 MB for the lot.
    for (let i = 0; i < 32; i++)
      await send(`query Large${i} { boernehusCases(first: 1) { ${"id ".repeat(DEFAULT_LIMITS.maxTokens - 1_000)}} }`);
    expect(caches.documentCache.calculatedSize).toBeLessThanOrEqual(budget);
    expect(caches.documentCache.size).toBeGreaterThan(0);
    const small = "query Small { boernehusCases(first: 1) { id } }";
    const first = await send(small);
    expect(first.errors).toBeUndefined();
    const parsed = caches.documentCache.get(small);
    expect(parsed).toBeDefined();
    expect(await send(small)).toEqual(first);
    // The second request was served from the cache: the same parsed document, not a new one.
    expect(caches.documentCache.get(small)).toBe(parsed);
  });
});
