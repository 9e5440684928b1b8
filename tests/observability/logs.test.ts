import { captureLogs } from "@samraad/observability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

// Captured from before the stack starts: start-up lines count too.
const logs = captureLogs();
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 12 });
});
afterAll(async () => {
  logs.stop();
  await stack?.stop();
});

const parsed = () => logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);

// Synthetic only: made-up names and CPR numbers that exist nowhere but in this test.
const NEW_CHILD = { cpr: "300415-1231", firstName: "Ynsilde", lastName: "Quorvatsen", birthDate: "2015-04-30", gender: "GIRL" };

describe("health", () => {
  it("every service answers /healthz and /readyz, the gateway included", async () => {
    const bases = [stack.gatewayUrl, ...Object.values(stack.subgraphs).flatMap((s) => (s ? [s.url] : []))].map((url) => url.replace(/\/graphql$/, ""));
    for (const base of bases) {
      expect((await fetch(`${base}/healthz`)).status, base).toBe(200);
      expect((await fetch(`${base}/readyz`)).status, base).toBe(200);
    }
  });
});

describe("logs", () => {
  it("carry the caller's request id from the gateway to every subgraph it calls", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.police !== null);
    const requestId = "trace-me-0123456789";
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await stack.token("coordinator-hovedstaden")}`,
        "x-request-id": requestId,
      },
      body: JSON.stringify({
        query: `query($id: ID!) { boernehusCase(id: $id) { id child { firstName } policeReport { journalNumber } } }`,
        variables: { id: course.caseId },
      }),
    });
    expect(res.headers.get("x-request-id")).toBe(requestId);
    await res.json();
    const services = new Set(parsed().filter((l) => l.requestId === requestId).map((l) => l.service));
    expect([...services].sort()).toEqual(["boernehus", "gateway", "municipality", "police"]);
    // An id that is not an id (log injection) is replaced by one of ours.
    const forged = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer x", "x-request-id": 'x"\n{"level":"info"}' },
      body: "{}",
    });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never contain a name or a CPR number, whatever the operations carried", async () => {
    const courses = stack.world.courses.slice(0, 6);
    const secrets = [
      NEW_CHILD.cpr,
      NEW_CHILD.cpr.replace("-", ""),
      NEW_CHILD.firstName,
      NEW_CHILD.lastName,
      ...courses.flatMap((c) => [c.child.cpr, c.child.cpr.replace("-", ""), c.child.firstName, c.child.lastName]),
    ];
    const caseworker = "caseworker-kbh";
    // Reads that return names and CPR numbers.
    for (const course of courses) {
      await stack.query("coordinator-hovedstaden", `query($id: ID!) { boernehusCase(id: $id) { child { firstName lastName cpr } } }`, {
        id: course.caseId,
      });
    }
    // A write that carries them, and refused writes that quote them back as bad input.
    const register = `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id cpr firstName } }`;
    const municipalityCode = "0101";
    const ok = await stack.query(caseworker, register, { input: { ...NEW_CHILD, municipalityCode } });
    expect(ok.errors).toBeUndefined();
    const duplicate = await stack.query(caseworker, register, { input: { ...NEW_CHILD, municipalityCode } });
    expect(duplicate.errors?.length).toBeGreaterThan(0);
    const wrongDate = await stack.query(caseworker, register, { input: { ...NEW_CHILD, birthDate: "2014-01-01", municipalityCode } });
    expect(wrongDate.errors?.length).toBeGreaterThan(0);
    const wrongType = await stack.query(caseworker, register, { input: { ...NEW_CHILD, gender: `${NEW_CHILD.firstName} ${NEW_CHILD.cpr}` } });
    expect(wrongType.errors?.length).toBeGreaterThan(0);
    // Someone who may not see a child looks it up by its CPR number.
    await stack.query("investigator-kbh", `query($id: ID!) { boernehusCase(id: $id) { child { cpr firstName } } }`, { id: courses[0]?.caseId });
    // A request the gateway refuses before parsing, with personal data in the body.
    await stack.query(caseworker, `{ ${NEW_CHILD.firstName}: boernehusCase(id: "${NEW_CHILD.cpr}") { id } @${NEW_CHILD.lastName} }`);

    expect(logs.lines.length).toBeGreaterThan(20);
    const leaks = logs.lines.filter((line) => secrets.some((secret) => line.includes(secret)));
    expect(leaks).toEqual([]);
    // And the lines are JSON with a level, a service and a time, all of them.
    for (const line of parsed()) expect(line).toMatchObject({ level: expect.any(String), service: expect.any(String), time: expect.any(String) });
  });
});
