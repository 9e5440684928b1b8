import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, ok } from "../support/responses.ts";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * Ending a person's part in a case (removeCaseParticipant): participation is what row access
 * builds on, so a caseworker the municipality replaced must lose the case once the børnehus
 * removes her, and only the people who may invite may remove.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 30 });
}, 600_000);
afterAll(async () => stack?.stop());

const Q = {
  view: `query($id: ID!) { boernehusCase(id: $id) { id participants { id sub sector } } }`,
  list: `{ boernehusCases(first: 200) { id } }`,
  remove: `mutation($input: RemoveCaseParticipantInput!) { removeCaseParticipant(input: $input) { id sub name } }`,
  invite: `mutation($input: AddCaseParticipantInput!) { addCaseParticipant(input: $input) { id } }`,
};

interface Participant {
  id: string;
  sub: string;
  sector: string;
}

async function participantsOf(caseId: string): Promise<Participant[]> {
  return ok<{ participants: Participant[] }>(await stack.query("coordinator-hovedstaden", Q.view, { id: caseId }), "boernehusCase")
    .participants;
}

/** The coordinator's removals on the case, in the børnehus's audit log. */
async function removalsAudited(caseId: string): Promise<number> {
  const rows = await stack.subgraphs.boernehus.client.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM samraad_meta.audit_log
      WHERE action = 'WRITE' AND decision = 'ALLOWED' AND actor_sub = 'persona:coordinator-hovedstaden'
        AND $1 = ANY(case_ids) AND 'CaseParticipant.remove' = ANY(field_paths)`,
    caseId,
  );
  return rows[0]?.n ?? 0;
}

const countOf = (caseId: string) => stack.subgraphs.boernehus.client.caseParticipant.count({ where: { caseId } });

describe("removing a case participant", () => {
  it("only the børnehus that runs the case removes; the caseworker, the other sectors, the børnehus's psychologist and the analyst cannot", async () => {
    const course = stack.courseOf("persona:caseworker-kbh", (c) => c.participants.some((p) => p.sub === "persona:coordinator-hovedstaden"));
    const mette = (await participantsOf(course.caseId)).find((p) => p.sub === "persona:caseworker-kbh") as Participant;
    const before = await countOf(course.caseId);
    const input = { caseId: course.caseId, participantId: mette.id };
    // No boernehus:internal scope: refused by the gateway's field rules before the subgraph is asked.
    for (const persona of ["caseworker-kbh", "caseworker-frb", "leader-kbh", "investigator-kbh", "physician-rh", "analyst-national"]) {
      expect([persona, codeOf(await stack.query(persona, Q.remove, { input }))]).toEqual([persona, "UNAUTHORIZED"]);
    }
    // The psychologist takes part but does not invite, so she does not remove either (audited as a refusal).
    const psychologist = await stack.query("psychologist-hovedstaden", Q.remove, { input });
    expect(codeOf(psychologist)).toBe(
      course.participants.some((p) => p.sub === "persona:psychologist-hovedstaden") ? "FORBIDDEN" : "NOT_FOUND",
    );
    expect(await countOf(course.caseId)).toBe(before);
    // Mette still reads the case.
    expect(ok<{ id: string }>(await stack.query("caseworker-kbh", Q.view, { id: course.caseId }), "boernehusCase").id).toBe(course.caseId);
  });

  it("a participant id of another case is not found, and nothing changes", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden");
    const other = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.caseId !== course.caseId);
    const elsewhere = (await participantsOf(other.caseId))[0] as Participant;
    const before = [await countOf(course.caseId), await countOf(other.caseId)];
    const res = await stack.query("coordinator-hovedstaden", Q.remove, { input: { caseId: course.caseId, participantId: elsewhere.id } });
    expect(codeOf(res)).toBe("NOT_FOUND");
    expect([await countOf(course.caseId), await countOf(other.caseId)]).toEqual(before);
  });

  it("the replaced caseworker loses the case once the coordinator removes her, and the removal is audited", async () => {
    const course = stack.courseOf("persona:caseworker-kbh", (c) => c.participants.some((p) => p.sub === "persona:coordinator-hovedstaden"));
    expect(ok<Array<{ id: string }>>(await stack.query("caseworker-kbh", Q.list), "boernehusCases").map((c) => c.id)).toContain(
      course.caseId,
    );
    const mette = (await participantsOf(course.caseId)).find((p) => p.sub === "persona:caseworker-kbh") as Participant;
    const auditedBefore = await removalsAudited(course.caseId);

    const removed = ok<{ id: string; sub: string; name: string }>(
      await stack.query("coordinator-hovedstaden", Q.remove, { input: { caseId: course.caseId, participantId: mette.id } }),
      "removeCaseParticipant",
    );
    expect(removed).toMatchObject({ id: mette.id, sub: "persona:caseworker-kbh", name: "Mette Lund" });
    expect((await participantsOf(course.caseId)).map((p) => p.sub)).not.toContain("persona:caseworker-kbh");

    // She can no longer open the case, nor find it in her list; a second removal finds nobody.
    expect(codeOf(await stack.query("caseworker-kbh", Q.view, { id: course.caseId }))).toBe("NOT_FOUND");
    expect(ok<Array<{ id: string }>>(await stack.query("caseworker-kbh", Q.list), "boernehusCases").map((c) => c.id)).not.toContain(
      course.caseId,
    );
    const again = await stack.query("coordinator-hovedstaden", Q.remove, { input: { caseId: course.caseId, participantId: mette.id } });
    expect(codeOf(again)).toBe("NOT_FOUND");

    expect(await removalsAudited(course.caseId)).toBe(auditedBefore + 2); // the removal, and the second attempt that found nobody

    // Invited again, she reads it again: removal ends participation, nothing else.
    ok(
      await stack.query("coordinator-hovedstaden", Q.invite, {
        input: {
          caseId: course.caseId,
          sub: "persona:caseworker-kbh",
          name: "Mette Lund",
          sector: "MUNICIPALITY",
          organisation: "0101",
          role: "caseworker",
        },
      }),
      "addCaseParticipant",
    );
    expect(ok<{ id: string }>(await stack.query("caseworker-kbh", Q.view, { id: course.caseId }), "boernehusCase").id).toBe(course.caseId);
  });

  it("the børnehus keeps at least one of its own people on the case", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden");
    const own = (await participantsOf(course.caseId)).filter((p) => p.sector === "BOERNEHUS");
    // Remove all but the last one, then the last is refused.
    for (const p of own.slice(1)) {
      ok(
        await stack.query("coordinator-hovedstaden", Q.remove, { input: { caseId: course.caseId, participantId: p.id } }),
        "removeCaseParticipant",
      );
    }
    const last = own[0] as Participant;
    const res = await stack.query("coordinator-hovedstaden", Q.remove, { input: { caseId: course.caseId, participantId: last.id } });
    expect(codeOf(res)).toBe("CONFLICT");
    expect((await participantsOf(course.caseId)).filter((p) => p.sector === "BOERNEHUS").map((p) => p.id)).toEqual([last.id]);
  });
});
