/**
 * The facts the sectors would hand over for a synthetic course, straight from the generator:
 * the statistics benches (tables.ts, disclosure.ts) load these instead of running an extraction.
 */
import { ageBand, danishDate } from "@samraad/subgraph-kit";
import type { SyntheticCourse } from "@samraad/synthetic";
import type { AssignmentFactInput, CourseFactInput } from "../src/data/facts.ts";

const day = (iso: string | null | undefined) => (iso ? danishDate(new Date(iso)) : null);
const earliest = (isos: Array<string | null | undefined>) => isos.filter((x): x is string => Boolean(x)).sort()[0] ?? null;

/** The facts the sectors would hand over for one course (see statisticsFacts.ts in each sector subgraph). */
export function factsOf(c: SyntheticCourse): { course: CourseFactInput; assignments: AssignmentFactInput[] } {
  const sent = c.finalNote?.status === "SENT" ? c.finalNote.sentAt : null;
  const closedOn = day(c.course.closedAt);
  const measureIds = new Set(c.recommendationResponses.filter((r) => r.response === "MEASURE").map((r) => r.measureId));
  const assignments = c.caseworkerAssignments.map((a) => ({
    coursePseudonym: c.caseId,
    caseworkerPseudonym: a.caseworkerSub,
    fromOn: day(a.from) as string,
    toOn: day(a.to),
  }));
  return {
    course: {
      coursePseudonym: c.caseId,
      region: c.region,
      municipalityCode: c.municipalityCode,
      courseType: c.course.type,
      abuseTypes: c.course.abuseTypes,
      burdenLevel: c.course.burdenLevel,
      ageBand: ageBand(c.course.childAgeAtReferral),
      referralReceivedOn: day(c.course.referralReceivedAt) as string,
      firstSamraadHeldOn: day(earliest(c.meetings.filter((m) => m.status === "HELD").map((m) => m.heldAt))),
      firstVideoInterviewHeldOn: c.police?.videoInterview?.status === "HELD" ? day(c.police.videoInterview.heldAt) : null,
      finalNoteSentOn: day(sent),
      recommendationCount: sent ? (c.finalNote?.recommendations.length ?? 0) : 0,
      responseMeasureStartedOn: day(earliest(c.measures.filter((m) => measureIds.has(m.id)).map((m) => m.startedAt))),
      otherSupportRespondedOn: day(
        earliest(c.recommendationResponses.filter((r) => r.response === "OTHER_SUPPORT").map((r) => r.respondedAt)),
      ),
      caseworkerCount: new Set(assignments.filter((a) => a.fromOn <= (closedOn ?? "9999")).map((a) => a.caseworkerPseudonym)).size,
      closedOn,
      childGender: c.child.gender,
    },
    assignments,
  };
}
