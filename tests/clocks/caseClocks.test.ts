import { addCalendarDays, addCalendarMonths, fixedTime } from "@samraad/clocks";
import { type SyntheticCourse, worldEnd } from "@samraad/synthetic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

/**
 * The clocks of a case through the gateway: each sector computes the clocks whose inputs it
 * owns (the municipality and the police with SAMRAAD facts from the børnehus via @requires),
 * at one fixed instant (the end of the generated world), and every samråd participant of the
 * case reads them all.
 */
const NOW = new Date(worldEnd());
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ clock: fixedTime(NOW) });
});
afterAll(async () => stack?.stop());

interface ClockView {
  kind: string;
  subjectId: string | null;
  responsibleSector: string;
  status: string;
  startedAt: string;
  dueAt: string;
  metAt: string | null;
}
interface CaseClocks {
  id: string;
  boernehusClocks: ClockView[];
  municipalityClocks: ClockView[];
  policeClocks: ClockView[];
}

const CLOCK = "kind subjectId responsibleSector status startedAt dueAt metAt";
const CASE_CLOCKS = /* GraphQL */ `
  query CaseClocks($id: ID!) {
    boernehusCase(id: $id) { id boernehusClocks { ${CLOCK} } municipalityClocks { ${CLOCK} } policeClocks { ${CLOCK} } }
  }
`;

const iso = (value: string | Date) => new Date(value).toISOString();
const all = (c: CaseClocks) => [...c.boernehusClocks, ...c.municipalityClocks, ...c.policeClocks];

async function clocksOf(persona: string, caseId: string) {
  const res = await stack.query<{ boernehusCase: CaseClocks | null }>(persona, CASE_CLOCKS, { id: caseId });
  return res;
}

/** An independent reading of the status rule (docs/indicators.md), for a clock with a given warning span. */
function expectedStatus(dueAt: Date, metAt: Date | null, dueSoonFrom: Date): string {
  if (metAt) return metAt <= dueAt ? "MET" : "MET_LATE";
  if (NOW > dueAt) return "OVERDUE";
  return NOW >= dueSoonFrom ? "DUE_SOON" : "ON_TIME";
}

const isFull = (c: SyntheticCourse) =>
  c.course.type === "FULL_COURSE" && c.police !== null && c.course.childAgeAtReferral <= 14 && (c.finalNote?.sentAt ?? null) !== null;

describe("the clocks of one case", () => {
  it("are computed by the sector that owns each step, from that sector's records", async () => {
    const course = stack.courseOf("persona:coordinator-hovedstaden", (c) => isFull(c) && (c.finalNote?.recommendations.length ?? 0) > 0);
    const res = await clocksOf("coordinator-hovedstaden", course.caseId);
    expect(res.errors).toBeUndefined();
    const clocks = res.data?.boernehusCase as CaseClocks;

    // FINAL_NOTE (børnehus): referral received → note sent, target 4 months.
    const finalNote = clocks.boernehusClocks.find((c) => c.kind === "FINAL_NOTE") as ClockView;
    const noteDue = addCalendarMonths(new Date(course.course.referralReceivedAt), 4);
    const sentAt = new Date(course.finalNote?.sentAt as string);
    expect(finalNote).toMatchObject({
      responsibleSector: "BOERNEHUS",
      startedAt: iso(course.course.referralReceivedAt),
      dueAt: iso(noteDue),
    });
    expect(finalNote.metAt).toBe(iso(sentAt));
    expect(finalNote.status).toBe(sentAt <= noteDue ? "MET" : "MET_LATE");

    // VIDEO_INTERVIEW (police, with the child's age from the børnehus): report → first interview held, 7 days.
    const police = course.police as NonNullable<SyntheticCourse["police"]>;
    const interview = clocks.policeClocks.find((c) => c.kind === "VIDEO_INTERVIEW") as ClockView;
    const interviewDue = addCalendarDays(new Date(police.reportedAt), 7);
    const heldAt = police.videoInterview?.status === "HELD" ? new Date(police.videoInterview.heldAt as string) : null;
    expect(interview).toMatchObject({ responsibleSector: "POLICE", subjectId: police.reportId, dueAt: iso(interviewDue) });
    expect(interview.metAt).toBe(heldAt ? iso(heldAt) : null);
    expect(interview.status).toBe(expectedStatus(interviewDue, heldAt, addCalendarDays(interviewDue, -2)));

    // NOTIFICATION_ASSESSMENT and BFU (municipality).
    const notification = clocks.municipalityClocks.find((c) => c.subjectId === course.notification.id) as ClockView;
    expect(notification.kind).toBe("NOTIFICATION_ASSESSMENT");
    expect(notification.dueAt).toBe(iso(new Date(Date.parse(course.notification.receivedAt) + 24 * 3_600_000)));
    const bfu = clocks.municipalityClocks.find((c) => c.kind === "BFU") as ClockView;
    expect(bfu).toMatchObject({
      subjectId: course.childAssessment.id,
      dueAt: iso(addCalendarMonths(new Date(course.childAssessment.decidedAt), 4)),
    });

    // RECOMMENDATION_ANSWER per recommendation and FOLLOW_UP (municipality, with the note's date from the børnehus).
    const recommendations = course.finalNote?.recommendations ?? [];
    const answers = clocks.municipalityClocks.filter((c) => c.kind === "RECOMMENDATION_ANSWER");
    expect(answers.map((a) => a.subjectId).sort()).toEqual(recommendations.map((r) => r.id).sort());
    for (const answer of answers) {
      const response = course.recommendationResponses.find((r) => r.recommendationId === answer.subjectId);
      expect(answer.startedAt).toBe(iso(sentAt));
      expect(answer.dueAt).toBe(iso(addCalendarDays(sentAt, 30)));
      expect(answer.metAt).toBe(response ? iso(response.respondedAt) : null);
    }
    const followUp = clocks.municipalityClocks.find((c) => c.kind === "FOLLOW_UP") as ClockView;
    expect(followUp).toMatchObject({ startedAt: iso(sentAt), dueAt: iso(addCalendarMonths(sentAt, 6)) });
  });

  it("are readable by every samråd participant of the case, whatever their sector", async () => {
    const course = stack.courseOf("persona:investigator-kbh", (c) => isFull(c));
    const participants = ["caseworker-kbh", "investigator-kbh", "coordinator-hovedstaden", "physician-rh"].filter((p) =>
      course.participants.some((cp) => cp.sub === `persona:${p}`),
    );
    expect(participants.length).toBeGreaterThanOrEqual(2);
    const seen = new Set<string>();
    for (const persona of participants) {
      const res = await clocksOf(persona, course.caseId);
      expect(res.errors, persona).toBeUndefined();
      const clocks = all(res.data?.boernehusCase as CaseClocks);
      expect(clocks.map((c) => c.kind)).toEqual(expect.arrayContaining(["FINAL_NOTE", "VIDEO_INTERVIEW", "BFU"]));
      seen.add(JSON.stringify(clocks));
    }
    expect(seen.size).toBe(1); // the same clocks for everyone
  });

  it("are not there for someone who does not take part in the case", async () => {
    const course = stack.courseOf("persona:caseworker-kbh", (c) => isFull(c));
    const res = await clocksOf("caseworker-frb", course.caseId);
    expect(res.data?.boernehusCase ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("come for a list of cases in one request", async () => {
    const res = await stack.query<{ boernehusCases: CaseClocks[] }>(
      "leader-boernehus-hovedstaden",
      `{ boernehusCases(first: 100) { id boernehusClocks { ${CLOCK} } municipalityClocks { ${CLOCK} } policeClocks { ${CLOCK} } } }`,
    );
    expect(res.errors).toBeUndefined();
    const cases = res.data?.boernehusCases ?? [];
    expect(cases.length).toBeGreaterThan(10);
    const kinds = new Set(cases.flatMap((c) => all(c).map((k) => k.kind)));
    expect([...kinds].sort()).toEqual([
      "BFU",
      "FINAL_NOTE",
      "FOLLOW_UP",
      "NOTIFICATION_ASSESSMENT",
      "RECOMMENDATION_ANSWER",
      "VIDEO_INTERVIEW",
    ]);
    const statuses = new Set(cases.flatMap((c) => all(c).map((k) => k.status)));
    expect(statuses.has("MET")).toBe(true);
  });

  // Last: it stops the police subgraph.
  it("survive a sector that is down: its own list is null, with its error, and the case and the others' clocks stand", async () => {
    await stack.subgraphs.police.stop();
    const res = await stack.query<{ boernehusCases: Array<Omit<CaseClocks, "policeClocks"> & { policeClocks: ClockView[] | null }> }>(
      "leader-boernehus-hovedstaden",
      `{ boernehusCases(first: 20) { id boernehusClocks { ${CLOCK} } municipalityClocks { ${CLOCK} } policeClocks { ${CLOCK} } } }`,
    );
    const cases = res.data?.boernehusCases ?? [];
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) {
      expect(c.policeClocks).toBeNull();
      expect(c.municipalityClocks).not.toBeNull();
      expect(c.boernehusClocks).not.toBeNull();
    }
    expect(cases.some((c) => (c.municipalityClocks ?? []).length > 0)).toBe(true);
    const codes = new Set((res.errors ?? []).map((e) => e.extensions?.code));
    expect(codes).toEqual(new Set(["SUBGRAPH_UNAVAILABLE"]));
  });
});
