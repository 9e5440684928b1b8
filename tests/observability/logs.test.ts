import { captureLogs } from "@samraad/observability";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

// Captured from before the stack starts: start-up lines count too.
const logs = captureLogs();
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 12, statistics: true });
});
afterAll(async () => {
  logs.stop();
  await stack?.stop();
});

const parsed = () => logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const requestLines = (requestId: string) => parsed().filter((l) => l.requestId === requestId && l.msg === "request");

// Synthetic only: a made-up child that exists nowhere but in this test.
const NEW_CHILD = { cpr: "900415-4232", firstName: "Ynsilde", lastName: "Quorvatsen", birthDate: "2015-04-30", gender: "GIRL" };
const REGISTER = `mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id cpr firstName } }`;
/** Nothing listens here (the discard port): a subgraph that is down. */
const DOWN = "http://127.0.0.1:9/graphql";

async function post(url: string, persona: string | null, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(persona ? { authorization: `Bearer ${await stack.token(persona)}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, requestId: res.headers.get("x-request-id"), text };
}

describe("health", () => {
  it("every service answers /healthz and /readyz, the gateway and the statistics service included", async () => {
    const services = {
      gateway: stack.gatewayUrl,
      ...Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s?.url])),
    };
    expect(Object.keys(services).sort()).toEqual(["boernehus", "gateway", "health", "municipality", "police", "statistics"]);
    for (const [name, url] of Object.entries(services)) {
      const base = String(url).replace(/\/graphql$/, "");
      for (const probe of ["healthz", "readyz"]) {
        // No token: probes come from the platform, not from people.
        const res = await fetch(`${base}/${probe}`);
        expect(res.status, `${name} /${probe}`).toBe(200);
      }
    }
  });
});

describe("logs", () => {
  it("carry the caller's request id from the gateway to every subgraph it calls, one line per request in each", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.police !== null);
    const requestId = "trace-me-0123456789";
    const res = await post(
      stack.gatewayUrl,
      "coordinator-hovedstaden",
      {
        query: `query CaseOverview($id: ID!) { boernehusCase(id: $id) { id child { firstName } policeReport { journalNumber } } }`,
        variables: { id: course.caseId },
      },
      { "x-request-id": requestId },
    );
    expect(res.status).toBe(200);
    expect(res.requestId).toBe(requestId);
    const lines = requestLines(requestId);
    const gateway = lines.filter((l) => l.service === "gateway");
    expect(gateway).toHaveLength(1);
    expect(gateway[0]).toMatchObject({ status: 200, operationName: "CaseOverview", sector: "BOERNEHUS", method: "POST", path: "/graphql" });
    expect(gateway[0]?.ms).toEqual(expect.any(Number));
    const subgraphLines = lines.filter((l) => l.service !== "gateway");
    expect([...new Set(subgraphLines.map((l) => l.service))].sort()).toEqual(["boernehus", "municipality", "police"]);
    for (const line of subgraphLines)
      expect(line).toMatchObject({ status: 200, path: "/graphql", sector: "BOERNEHUS", ms: expect.any(Number) });
    // The audit entries for the read carry the same id, in each sector's own database.
    for (const name of ["municipality", "police"] as const) {
      const db = new pg.Client({ connectionString: stack.subgraphs[name].database.url });
      await db.connect();
      try {
        const { rows } = await db.query("SELECT count(*)::int AS n FROM samraad_meta.audit_log WHERE request_id = $1", [requestId]);
        expect(rows[0]?.n, name).toBeGreaterThan(0);
      } finally {
        await db.end();
      }
    }

    // An id that is not an id (log injection, free text) is replaced by one of ours, which then travels on.
    for (const forged of ['x"}{"level":"fatal","msg":"forged"}', "short", "a".repeat(129), "ids with spaces in them"]) {
      const refused = await post(stack.gatewayUrl, "coordinator-hovedstaden", { query: "{ __typename }" }, { "x-request-id": forged });
      expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(requestLines(refused.requestId as string).filter((l) => l.service === "gateway")).toHaveLength(1);
    }
    expect(logs.lines.some((line) => line.includes("forged"))).toBe(false);

    // Requests refused at the door (no token, too large, no length) get an id and a line too.
    const unauthenticated = await post(stack.gatewayUrl, null, { query: "{ __typename }" });
    expect(unauthenticated.status).toBe(401);
    expect(requestLines(unauthenticated.requestId as string)).toMatchObject([{ service: "gateway", status: 401 }]);
    const tooLarge = await post(stack.gatewayUrl, "coordinator-hovedstaden", { query: `{ __typename } # ${"x".repeat(70_000)}` });
    expect(tooLarge.status).toBe(413);
    expect(requestLines(tooLarge.requestId as string)).toMatchObject([{ service: "gateway", status: 413 }]);
  });

  it("never contain a child's name or CPR number, a custody holder's or a suspect's name, whatever the operations carried", async () => {
    // Every person in the world, as they could appear in a line.
    const names = stack.world.courses.flatMap((c) => [
      `${c.child.firstName} ${c.child.lastName}`,
      c.child.lastName,
      ...c.custodyHolders.map((h) => h.name),
      ...(c.police ? [c.police.suspect.name] : []),
    ]);
    const cprs = stack.world.courses.flatMap((c) => [c.child.cpr, c.child.cpr.replace("-", "")]);
    const firstNames = stack.world.courses.map((c) => c.child.firstName);
    const secrets = [
      ...new Set([...names, ...cprs, NEW_CHILD.cpr, NEW_CHILD.cpr.replace("-", ""), NEW_CHILD.firstName, NEW_CHILD.lastName]),
    ];
    // First names alone only as whole words (a short name can be part of an ordinary word).
    const firstNameWords = new RegExp(`(?<!\\p{L})(${[...new Set(firstNames)].join("|")})(?!\\p{L})`, "u");
    const caseworker = "caseworker-kbh";
    const before = logs.lines.length;

    // Reads that return names and CPR numbers, by a participant and by someone refused.
    for (const course of stack.world.courses.slice(0, 6)) {
      const read = await stack.query(
        "coordinator-hovedstaden",
        `query($id: ID!) { boernehusCase(id: $id) { child { firstName lastName cpr } custodyHolders { name } } }`,
        { id: course.caseId },
      );
      expect(read.status).toBe(200);
    }
    const refusedRead = await stack.query("investigator-kbh", `query($id: ID!) { boernehusCase(id: $id) { child { cpr firstName } } }`, {
      id: stack.world.courses[0]?.caseId,
    });
    expect(refusedRead.errors?.length).toBeGreaterThan(0);
    // A write that carries a CPR number and a name, and refused writes that quote them back as bad input.
    const ok = await stack.query(caseworker, REGISTER, { input: { ...NEW_CHILD, municipalityCode: "0101" } });
    expect(ok.errors).toBeUndefined();
    const duplicate = await stack.query(caseworker, REGISTER, { input: { ...NEW_CHILD, municipalityCode: "0101" } });
    expect(duplicate.errors?.length).toBeGreaterThan(0);
    const wrongDate = await stack.query(caseworker, REGISTER, {
      input: { ...NEW_CHILD, birthDate: "2014-01-01", municipalityCode: "0101" },
    });
    expect(wrongDate.errors?.length).toBeGreaterThan(0);
    const wrongType = await stack.query(caseworker, REGISTER, {
      input: { ...NEW_CHILD, gender: `${NEW_CHILD.firstName} ${NEW_CHILD.cpr}` },
    });
    expect(wrongType.errors?.length).toBeGreaterThan(0);
    // A document the gateway refuses while parsing, with the personal data inline.
    const garbled = await stack.query(
      caseworker,
      `{ ${NEW_CHILD.firstName}: boernehusCase(id: "${NEW_CHILD.cpr}") { id } @${NEW_CHILD.lastName} }`,
    );
    expect(garbled.errors?.length).toBeGreaterThan(0);
    // Broken JSON that contains them.
    const broken = await post(
      stack.gatewayUrl,
      caseworker,
      `{"query": "${REGISTER}", "variables": {"input": {"cpr": "${NEW_CHILD.cpr}", "firstName": "${NEW_CHILD.firstName}"`,
    );
    expect(JSON.parse(broken.text).errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");

    // A subgraph down while a write with a CPR number goes to it: Hive Gateway logs the
    // failed call with its request (variables included). Here with Hive's and our own
    // loggers at their most verbose, so every message it has goes through our writer.
    const saved = process.env.SAMRAAD_LOG_LEVEL;
    process.env.SAMRAAD_LOG_LEVEL = "trace";
    let downGateway: Awaited<ReturnType<Stack["startGateway"]>>;
    try {
      // Hive's level is the gateway's config (SAMRAAD_GATEWAY_LOG, parsed at start into hiveLogLevel).
      downGateway = await stack.startGateway({ subgraphUrls: { municipality: DOWN }, hiveLogLevel: "debug" });
    } finally {
      if (saved === undefined) delete process.env.SAMRAAD_LOG_LEVEL;
      else process.env.SAMRAAD_LOG_LEVEL = saved;
    }
    const hiveLinesBefore = parsed().filter((l) => l.component === "hive").length;
    const down = await post(downGateway.url, caseworker, {
      query: REGISTER,
      variables: { input: { ...NEW_CHILD, cpr: "010203-4321", municipalityCode: "0101" } },
    });
    expect(down.status).toBe(200);
    expect(JSON.parse(down.text).errors?.[0]?.extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
    const course = stack.courseOf("persona:caseworker-kbh");
    const downRead = await post(downGateway.url, caseworker, {
      query: `query($id: ID!) { boernehusCase(id: $id) { id child { firstName cpr } } }`,
      variables: { id: course.caseId },
    });
    expect(downRead.status).toBe(200);
    // Hive did say something about it (the writer is in the path), and our line for the request is there.
    expect(parsed().filter((l) => l.component === "hive").length).toBeGreaterThan(hiveLinesBefore);
    expect(requestLines(down.requestId as string).filter((l) => l.service === "gateway")).toHaveLength(1);

    const written = logs.lines.slice(before);
    expect(written.length).toBeGreaterThan(30);
    const leaks = written.filter(
      (line) => [...secrets, "010203-4321", "0102034321"].some((secret) => line.includes(secret)) || firstNameWords.test(line),
    );
    expect(leaks).toEqual([]);
    // No line carries variables, a document or a message from an error either.
    for (const line of written) expect(line).not.toMatch(/"variables"|"query"|registerChild\(|boernehusCase\(/);
    // And the lines are JSON with a level, a service and a time, all of them.
    for (const line of parsed()) {
      expect(line).toMatchObject({ level: expect.any(String), service: expect.any(String), time: expect.any(String) });
    }
  });
});
