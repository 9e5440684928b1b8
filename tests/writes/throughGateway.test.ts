import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExample } from "../../examples/sector-client.ts";
import { type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 30 });
});
afterAll(async () => stack?.stop());

const CASE_VIEW = /* GraphQL */ `
  query CaseView($id: ID!) {
    boernehusCase(id: $id) {
      id
      status
      child { firstName }
      policeReport { journalNumber videoInterviews { status } }
      medicalExaminations { kind }
      samraadMeetings { kind }
    }
  }
`;

interface View {
  id: string;
  child: { firstName: string } | null;
  policeReport: { journalNumber: string } | null;
  medicalExaminations: Array<{ kind: string }> | null;
  samraadMeetings: Array<{ kind: string }>;
}

describe("the example sector client (examples/sector-client.ts, docs/api.md)", () => {
  it("gets a dev token as a system persona, writes once despite a retry, and handles CONFLICT by reloading", async () => {
    const result = await runExample(stack.gatewayUrl, { SAMRAAD_EXAMPLE_QUIET: "1", SAMRAAD_PERSONA: "system-kbh" });
    expect(result.retried).toEqual(result.added);
    expect(result.conflict).toBe("CONFLICT");
    expect(result.done).toMatchObject({ id: result.added.id, status: "DONE", version: result.added.version + 2 });
    const items = await stack.subgraphs.boernehus.client.actionItem.count({ where: { caseId: result.caseId, title: result.added.title } });
    expect(items).toBe(1);
  });
});

describe("a sector's subgraph down (contract 5)", () => {
  it("answers with the other sectors' data and one clear error per missing sector, without internals", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.police !== null && c.medicalExaminations.length > 0);
    const before = await stack.query<{ boernehusCase: View }>("coordinator-hovedstaden", CASE_VIEW, { id: course.caseId });
    expect(before.errors).toBeUndefined();
    expect(before.data?.boernehusCase.policeReport?.journalNumber).toBe(course.police?.journalNumber);

    const policeUrl = new URL(stack.subgraphs.police.url);
    await stack.subgraphs.police.stop();
    const res = await stack.query<{ boernehusCase: View }>("coordinator-hovedstaden", CASE_VIEW, { id: course.caseId });

    expect(res.status).toBe(200);
    const view = res.data?.boernehusCase as View;
    // The other sectors' parts stand.
    expect(view.id).toBe(course.caseId);
    expect(view.child?.firstName).toBe(course.child.firstName);
    expect(view.medicalExaminations?.map((e) => e.kind).sort()).toEqual(course.medicalExaminations.map((e) => e.kind).sort());
    expect(view.samraadMeetings).toHaveLength(course.meetings.length);
    // The police's part is null, with one error at its path that names the sector.
    expect(view.policeReport).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({
      path: ["boernehusCase", "policeReport"],
      extensions: {
        code: "SUBGRAPH_UNAVAILABLE",
        subgraph: "police",
        sector: "POLICE",
        reason: "Politiets data er ikke tilgængelige lige nu.",
      },
    });
    // Nothing internal: no address, no port, no request body, no stack.
    const text = JSON.stringify(res);
    expect(text).not.toContain(policeUrl.host);
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|representations|accessGrant|stack|\bat \w+ \(/);
  });

  it("a list keeps every case and its other sectors' data, with the one error for the missing sector", async () => {
    const res = await stack.query<{ boernehusCases: Array<{ id: string; policeReport: unknown; child: { firstName: string } | null }> }>(
      "coordinator-hovedstaden",
      "{ boernehusCases(first: 5) { id policeReport { journalNumber } child { firstName } } }",
    );
    const cases = res.data?.boernehusCases ?? [];
    expect(cases.length).toBeGreaterThan(1);
    expect(cases.every((c) => c.policeReport === null && typeof c.child?.firstName === "string")).toBe(true);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[["boernehusCases", 0, "policeReport"], "SUBGRAPH_UNAVAILABLE"]]);
  });

  it("a query that needs only the missing sector gets null and the same typed error", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.police !== null);
    const res = await stack.query("coordinator-hovedstaden", "query($id: ID!) { policeReport(id: $id) { id journalNumber } }", {
      id: course.police?.reportId,
    });
    expect(res.status).toBe(200);
    expect(res.data?.policeReport ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", sector: "POLICE" });
  });

  it("a sector's address that answers without GraphQL (a proxy's 502 page) counts as the sector missing, not as an internal error", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.police !== null);
    // In the stopped police subgraph's place: what a load balancer answers when no replica is up.
    const proxy = http.createServer((_req, res) =>
      res.writeHead(502, { "content-type": "text/html" }).end("<html><body>502 Bad Gateway</body></html>"),
    );
    await new Promise<void>((resolve) => proxy.listen(Number(new URL(stack.subgraphs.police.url).port), "127.0.0.1", resolve));
    try {
      const res = await stack.query<{ boernehusCase: View }>("coordinator-hovedstaden", CASE_VIEW, { id: course.caseId });
      expect(res.status).toBe(200);
      expect(res.data?.boernehusCase.child?.firstName).toBe(course.child.firstName);
      expect(res.data?.boernehusCase.policeReport).toBeNull();
      expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.sector])).toEqual([
        [["boernehusCase", "policeReport"], "SUBGRAPH_UNAVAILABLE", "POLICE"],
      ]);
      expect(JSON.stringify(res)).not.toMatch(/Bad Gateway|502|html/i);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
