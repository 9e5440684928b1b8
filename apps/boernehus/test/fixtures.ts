import { randomUUID } from "node:crypto";
import type { Principal } from "@samraad/access";
import type { SyntheticCourse } from "@samraad/synthetic";

/** The course with these people among its participants (so they see it while it is open). */
export function withParticipants(course: SyntheticCourse, ...people: Principal[]): SyntheticCourse {
  const joined = people.map((p) => {
    if (p.sector === "NATIONAL") throw new Error("the national authority takes no part in a samråd");
    return { sub: p.sub, name: p.name, sector: p.sector, organisation: p.organisation, role: p.roles[0] ?? "caseworker" };
  });
  return { ...course, participants: [...course.participants, ...joined] };
}

/** A small, complete synthetic course (boernehus parts filled in; other sectors' parts minimal). */
export function syntheticCourse(
  overrides: Partial<SyntheticCourse["course"]> & { region?: SyntheticCourse["region"]; municipalityCode?: string } = {},
): SyntheticCourse {
  const { region = "SYDDANMARK", municipalityCode = "0461", ...course } = overrides;
  const caseId = randomUUID();
  const planningId = randomUUID();
  const finalNoteId = randomUUID();
  const participants: SyntheticCourse["participants"] = [
    {
      sub: `synthetic:cw-${caseId}`,
      name: "Syntetisk Rådgiver",
      sector: "MUNICIPALITY",
      organisation: municipalityCode,
      role: "caseworker",
    },
    { sub: "synthetic:coordinator-syd", name: "Syntetisk Koordinator", sector: "BOERNEHUS", organisation: region, role: "coordinator" },
  ];
  return {
    caseId,
    region,
    municipalityCode,
    child: { id: randomUUID(), cpr: "", firstName: "Syntetisk", lastName: "Barn", birthDate: "2016-05-01", gender: "GIRL" },
    custodyHolders: [],
    notification: { id: randomUUID(), receivedAt: "2026-01-10T09:00:00.000Z", source: "SCHOOL", concern: "Syntetisk", assessedAt: null },
    childAssessment: { id: randomUUID(), decidedAt: "2026-01-12T09:00:00.000Z", completedAt: null },
    referral: {
      id: randomUUID(),
      referredAt: "2026-01-14T09:00:00.000Z",
      suspicionOrKnowledge: true,
      childAssessmentDecided: true,
      otherSectorInvolved: true,
      abuseTypes: ["PHYSICAL"],
      policeReportFiled: false,
    },
    caseworkerAssignments: [],
    police: null,
    medicalExaminations: [],
    onwardReferrals: [],
    course: {
      type: "FULL_COURSE",
      status: "FINAL_NOTE",
      abuseTypes: ["PHYSICAL"],
      burdenLevel: "MODERATE",
      childAgeAtReferral: 10,
      referralReceivedAt: "2026-01-15T09:00:00.000Z",
      closedAt: null,
      ...course,
    },
    participants,
    meetings: [
      {
        id: planningId,
        kind: "PLANNING",
        status: "HELD",
        scheduledAt: "2026-01-20T10:00:00.000Z",
        heldAt: "2026-01-20T10:00:00.000Z",
        agenda: "Koordinering",
        minutes: "Syntetisk referat",
        participantSubs: participants.map((p) => p.sub),
        decisions: [{ id: randomUUID(), activity: "CRISIS_SUPPORT", decision: "Krisesamtaler", responsibleSector: "BOERNEHUS" }],
        actionItems: [
          {
            id: randomUUID(),
            title: "Kontakt familien",
            owningSector: "MUNICIPALITY",
            dueAt: "2026-01-27T10:00:00.000Z",
            status: "DONE",
            completedAt: "2026-01-25T10:00:00.000Z",
          },
        ],
      },
    ],
    crisisSupport: [
      {
        id: randomUUID(),
        recipient: "CHILD",
        heldAt: "2026-01-22T10:00:00.000Z",
        counsellorName: "Syntetisk Psykolog",
        notes: "Syntetisk",
      },
    ],
    assessment: {
      id: randomUUID(),
      startedAt: "2026-01-21T10:00:00.000Z",
      completedAt: "2026-02-20T10:00:00.000Z",
      summary: "Syntetisk udredning",
    },
    finalNote: {
      id: finalNoteId,
      status: "SENT",
      text: "Syntetisk afsluttende notat",
      draftedAt: "2026-02-22T10:00:00.000Z",
      signedAt: "2026-02-23T10:00:00.000Z",
      signedBy: "synthetic:coordinator-syd",
      sentAt: "2026-02-24T10:00:00.000Z",
      recommendations: [
        { id: randomUUID(), kind: "THERAPY", description: "Terapi" },
        { id: randomUUID(), kind: "PREVENTIVE_MEASURE", description: "Forebyggende indsats" },
      ],
    },
    measures: [],
    recommendationResponses: [],
    consultations: [{ id: randomUUID(), heldAt: "2026-01-16T10:00:00.000Z", withSector: "BOERNEHUS", summary: "Syntetisk sparring" }],
    surveys: [],
  };
}
