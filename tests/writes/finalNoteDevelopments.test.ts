import { randomUUID } from "node:crypto";
import type { SyntheticCourse } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, ok } from "../support/responses.ts";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * Issue 23, point 4: a final note that knows what changed. The børnehus's editor reads, through
 * federation, what happened in the municipality's part of the case since the assessment began
 * (BoernehusCase.developmentsSinceAssessment, resolved by the municipality with the børnehus's
 * grant), each record under its own field rules; the note records which of them it took into
 * account, each checked against the municipality's signed statement for this case, since the
 * børnehus cannot read the municipality's database.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ courses: 120 });
}, 600_000);
afterAll(async () => stack?.stop());

const DEVELOPMENTS = `query($id: ID!) { boernehusCase(id: $id) {
  id
  finalNoteAge { from to sent days months band analysisLowMonths analysisHighMonths }
  developmentsSinceAssessment {
    since statement
    items { kind recordId at measure { id kind } notification { id receivedAt } caseworkerAssignment { id caseworkerName } }
  }
} }`;
const CONCERN = `query($id: ID!) { boernehusCase(id: $id) { developmentsSinceAssessment { items { recordId notification { id receivedAt concern } } } } }`;
const Q = {
  decideMeasure: `mutation($input: DecideMeasureInput!) { decideMeasure(input: $input) { id } }`,
  recordNotification: `mutation($input: RecordNotificationInput!) { recordNotification(input: $input) { id } }`,
  assignCaseworker: `mutation($input: AssignCaseworkerInput!) { assignCaseworker(input: $input) { id } }`,
  draft: `mutation($input: DraftFinalNoteInput!) { draftFinalNote(input: $input) { id version consideredDevelopments { kind recordId occurredAt } } }`,
  revise: `mutation($input: ReviseFinalNoteDraftInput!) { reviseFinalNoteDraft(input: $input) { id version consideredDevelopments { kind recordId occurredAt } } }`,
  note: `query($id: ID!) { boernehusCase(id: $id) { finalNote { id version consideredDevelopments { kind recordId } } } }`,
};

type Item = { kind: string; recordId: string; at: string; notification: { id: string; receivedAt: string } | null };
type Developments = { since: string; statement: string | null; items: Item[] };

const COORDINATOR = "coordinator-hovedstaden";
const days = (n: number) => new Date(stack.clock.now().getTime() - n * 86_400_000).toISOString();

/** An active full course of Copenhagen at Børnehus Hovedstaden, its assessment begun at least 12 days ago, with no note. */
function openCourse(except: string[] = []): SyntheticCourse {
  return stack.courseOf(
    "persona:coordinator-hovedstaden",
    (c) =>
      !except.includes(c.caseId) &&
      c.municipalityCode === "0101" &&
      c.course.type === "FULL_COURSE" &&
      c.course.status === "ACTIVE" &&
      c.assessment !== null &&
      Date.parse(c.assessment.startedAt) < Date.parse(days(12)) &&
      c.finalNote === null,
  );
}

async function developments(persona: string, caseId: string) {
  const res = await stack.query<{
    boernehusCase: { developmentsSinceAssessment: Developments | null; finalNoteAge: Record<string, unknown> };
  }>(persona, DEVELOPMENTS, { id: caseId });
  return res;
}

/** The municipality decides and starts a measure, records a notification and changes caseworker, after the assessment began. */
async function withDevelopments(course: SyntheticCourse) {
  const measure = ok<{ id: string }>(
    await stack.query("leader-kbh", Q.decideMeasure, {
      input: { caseId: course.caseId, kind: "FAMILY_TREATMENT", decidedAt: days(6), startedAt: days(4) },
    }),
    "decideMeasure",
  );
  const notification = ok<{ id: string }>(
    await stack.query("leader-kbh", Q.recordNotification, {
      input: { childId: course.child.id, receivedAt: days(5), source: "SCHOOL", concern: "Syntetisk ny bekymring fra skolen" },
    }),
    "recordNotification",
  );
  const assignment = ok<{ id: string }>(
    await stack.query("leader-kbh", Q.assignCaseworker, {
      input: { caseId: course.caseId, caseworkerSub: "synthetic:caseworker-new", caseworkerName: "Syntetisk Ny Rådgiver", from: days(3) },
    }),
    "assignCaseworker",
  );
  return { measure: measure.id, notification: notification.id, assignment: assignment.id };
}

describe("the final note's editor sees what happened since the assessment began", () => {
  let course: SyntheticCourse;
  let ids: Awaited<ReturnType<typeof withDevelopments>>;
  beforeAll(async () => {
    course = openCourse();
    // Before an assessment has begun there is nothing to list (a samråd-only course has none).
    const unassessed = stack.courseOf("persona:coordinator-hovedstaden", (c) => c.assessment === null && c.course.status === "ACTIVE");
    const before = await developments(COORDINATOR, unassessed.caseId);
    expect(before.errors).toBeUndefined();
    expect(before.data?.boernehusCase.developmentsSinceAssessment).toBeNull();
    ids = await withDevelopments(course);
  }, 120_000);

  it("lists the measure decided and started, the notification and the caseworker change, oldest first, under the field rules", async () => {
    const res = await developments(COORDINATOR, course.caseId);
    expect(res.errors).toBeUndefined();
    const list = res.data?.boernehusCase.developmentsSinceAssessment as Developments;
    expect(Date.parse(list.since)).toBe(Date.parse(course.assessment?.startedAt ?? ""));
    const ours = list.items.filter((i) => Object.values(ids).includes(i.recordId));
    expect(ours.map((i) => [i.kind, i.recordId])).toEqual([
      ["MEASURE_DECIDED", ids.measure],
      ["NOTIFICATION", ids.notification],
      ["MEASURE_STARTED", ids.measure],
      ["CASEWORKER_CHANGE", ids.assignment],
    ]);
    // Everything listed happened after the assessment began.
    for (const item of list.items) expect(Date.parse(item.at)).toBeGreaterThan(Date.parse(list.since));
    expect(ours[1]?.notification).toMatchObject({ id: ids.notification, receivedAt: expect.any(String) });
    expect(list.statement).toEqual(expect.any(String));
  });

  it("shares that a notification came, not its concern: the børnehus gets null and UNAUTHORIZED, the municipality the text", async () => {
    const coordinator = await stack.query<{
      boernehusCase: {
        developmentsSinceAssessment: { items: Array<{ recordId: string; notification: { concern: string | null } | null }> };
      };
    }>(COORDINATOR, CONCERN, { id: course.caseId });
    expect(coordinator.errors?.map((e) => e.extensions?.code)).toContain("UNAUTHORIZED");
    const seen = coordinator.data?.boernehusCase.developmentsSinceAssessment.items.find((i) => i.recordId === ids.notification);
    expect(seen?.notification).toMatchObject({ concern: null });
    const municipality = await stack.query<typeof coordinator.data & object>("leader-kbh", CONCERN, { id: course.caseId });
    expect(municipality.errors).toBeUndefined();
    const own = municipality.data?.boernehusCase.developmentsSinceAssessment.items.find((i) => i.recordId === ids.notification);
    expect(own?.notification?.concern).toBe("Syntetisk ny bekymring fra skolen");
  });

  it("shows nothing of the case to someone outside it", async () => {
    // Another municipality's caseworker: the case does not exist for her, nor what happened in it.
    const res = await developments("caseworker-frb", course.caseId);
    expect(res.data?.boernehusCase ?? null).toBeNull();
    expect(codeOf(res)).toBe("NOT_FOUND");
  });

  it("shows the note's age against the 4-6 months while it is drafted", async () => {
    const age = (await developments(COORDINATOR, course.caseId)).data?.boernehusCase.finalNoteAge;
    const from = Date.parse(course.course.referralReceivedAt);
    const now = stack.clock.now().getTime();
    // The services' clock runs on from the world's end: "now" is the request's moment, a little before ours.
    const to = Date.parse(age?.to as string);
    expect(now - to).toBeGreaterThanOrEqual(0);
    expect(now - to).toBeLessThan(60_000);
    expect(age).toMatchObject({ sent: false, analysisLowMonths: 4, analysisHighMonths: 6, days: Math.floor((to - from) / 86_400_000) });
    expect(Date.parse(age?.from as string)).toBe(from);
    // Whole months decide the band, except on the sixth month's very day (then still 4-6).
    const months = age?.months as number;
    const expected =
      months < 4
        ? ["UNDER_4_MONTHS"]
        : months < 6
          ? ["FROM_4_TO_6_MONTHS"]
          : months === 6
            ? ["FROM_4_TO_6_MONTHS", "OVER_6_MONTHS"]
            : ["OVER_6_MONTHS"];
    expect(expected).toContain(age?.band);
  });

  it("records which developments the note took into account, each checked against the municipality's statement", async () => {
    const fresh = async () =>
      (await developments(COORDINATOR, course.caseId)).data?.boernehusCase.developmentsSinceAssessment as Developments;
    const input = (statement: string | null, considered: Array<{ kind: string; recordId: string }>) => ({
      caseId: course.caseId,
      text: "Syntetisk udkast til afsluttende notat.",
      recommendations: [{ kind: "THERAPY", description: "Terapeutisk forløb." }],
      consideredDevelopments: considered,
      developmentsStatement: statement,
    });
    const considered = [
      { kind: "NOTIFICATION", recordId: ids.notification },
      { kind: "MEASURE_STARTED", recordId: ids.measure },
    ];

    // Without the statement, with an id the municipality did not name, or with a kind it did not state: refused, nothing written.
    expect(codeOf(await stack.query(COORDINATOR, Q.draft, { input: input(null, considered) }))).toBe("STATEMENT_INVALID");
    const { statement, items } = await fresh();
    const unknown = await stack.query(COORDINATOR, Q.draft, {
      input: input(statement, [{ kind: "NOTIFICATION", recordId: randomUUID() }]),
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "consideredDevelopments[0]" });
    const wrongKind = await stack.query(COORDINATOR, Q.draft, {
      input: input(statement, [{ kind: "CASEWORKER_CHANGE", recordId: ids.measure }]),
    });
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "consideredDevelopments[0]" });

    // Another case's statement does not pass for this one (its audience is that case).
    const other = openCourse([course.caseId]);
    const otherStatement = (await developments(COORDINATOR, other.caseId)).data?.boernehusCase.developmentsSinceAssessment?.statement;
    expect(otherStatement).toEqual(expect.any(String));
    expect(codeOf(await stack.query(COORDINATOR, Q.draft, { input: input(otherStatement ?? null, considered) }))).toBe("STATEMENT_INVALID");
    const note = await stack.query<{ boernehusCase: { finalNote: null | object } }>(COORDINATOR, Q.note, { id: course.caseId });
    expect(note.data?.boernehusCase.finalNote).toBeNull();

    // With this case's statement: stored, with when each happened as the municipality stated it.
    const drafted = ok<{
      id: string;
      version: number;
      consideredDevelopments: Array<{ kind: string; recordId: string; occurredAt: string }>;
    }>(await stack.query(COORDINATOR, Q.draft, { input: input(statement, considered) }), "draftFinalNote");
    expect(drafted.consideredDevelopments.map((d) => [d.kind, d.recordId])).toEqual([
      ["NOTIFICATION", ids.notification],
      ["MEASURE_STARTED", ids.measure],
    ]);
    const notified = items.find((i) => i.recordId === ids.notification);
    expect(Date.parse(drafted.consideredDevelopments[0]?.occurredAt ?? "")).toBe(Date.parse(notified?.at ?? ""));

    // A revision without the list keeps it; with a new list replaces it (a listed twice entry is refused first).
    const revise = (version: number, extra: Record<string, unknown>) => ({
      id: drafted.id,
      version,
      text: "Syntetisk revideret udkast.",
      recommendations: [{ kind: "THERAPY", description: "Terapeutisk forløb." }],
      ...extra,
    });
    const kept = ok<{ version: number; consideredDevelopments: unknown[] }>(
      await stack.query(COORDINATOR, Q.revise, { input: revise(drafted.version, {}) }),
      "reviseFinalNoteDraft",
    );
    expect(kept.consideredDevelopments).toHaveLength(2);
    const again = (await fresh()).statement;
    const twice = await stack.query(COORDINATOR, Q.revise, {
      input: revise(kept.version, { developmentsStatement: again, consideredDevelopments: [considered[0], considered[0]] }),
    });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "consideredDevelopments[1]" });
    const replaced = ok<{ consideredDevelopments: Array<{ kind: string; recordId: string }> }>(
      await stack.query(COORDINATOR, Q.revise, {
        input: revise(kept.version, {
          developmentsStatement: again,
          consideredDevelopments: [{ kind: "CASEWORKER_CHANGE", recordId: ids.assignment }],
        }),
      }),
      "reviseFinalNoteDraft",
    );
    expect(replaced.consideredDevelopments).toEqual([
      { kind: "CASEWORKER_CHANGE", recordId: ids.assignment, occurredAt: expect.any(String) },
    ]);
    // The municipality sees what the note took into account.
    const seen = await stack.query<{ boernehusCase: { finalNote: { consideredDevelopments: unknown[] } } }>("leader-kbh", Q.note, {
      id: course.caseId,
    });
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.boernehusCase.finalNote.consideredDevelopments).toEqual([{ kind: "CASEWORKER_CHANGE", recordId: ids.assignment }]);
  });
});
