/**
 * The fidelity fixture: 15 fixed, hand-written synthetic courses (no generator, no randomness),
 * whose indicators fidelity.test.ts works out by hand. Each course is written in the
 * SyntheticCourse shape so the sectors' own seeding paths load it.
 *
 * Every time is 12:00 UTC (13:00 or 14:00 in Denmark), so each date is the same calendar date
 * in Danish time. Synthetic only: made-up names and CPR numbers.
 */
import { type DeclineReason, ladderStep, type MeasureKind, type OtherSupportKind } from "@samraad/access/vocabulary";
import { type AbuseType, type BurdenLevel, formatCpr, type Region, type SyntheticCourse } from "@samraad/synthetic";

export interface FixtureSpec {
  key: string;
  municipalityCode: "0101" | "0147" | "0751";
  abuseTypes: AbuseType[];
  burdenLevel: BurdenLevel;
  age: number;
  referral: string;
  /** The first samråd meeting held. */
  samraad?: string;
  /** The first video interview held (the course then has a police report). */
  interview?: string;
  /** The final note sent, with this many recommendations. */
  note?: { sent: string; recommendations: number };
  /** A measure, given in answer to the first recommendation, started on this date. */
  measureStarted?: string;
  /** The measure's kind (its step on the intervention ladder); FAMILY_TREATMENT (step 2) if left out. */
  measureKind?: MeasureKind;
  /** The answer DECLINED, on this date, to the last recommendation (issue 23). */
  declined?: { on: string; reason: DeclineReason };
  /** The answer OTHER_SUPPORT to the first recommendation (or the second, after a measure). */
  otherSupport?: string;
  /** Its kind (default ALONGSIDE_COURSE). */
  otherSupportKind?: OtherSupportKind;
  closed?: string;
  /** Caseworker assignments: who, from, and (if ended) to. */
  caseworkers: Array<[who: string, from: string, to?: string]>;
}

/** The dataset (docs/indicators.md; expected values in fidelity.test.ts). */
export const FIXTURE: FixtureSpec[] = [
  // Referred in 2024, note sent and closed in 2025.
  {
    key: "K0",
    municipalityCode: "0101",
    abuseTypes: ["PHYSICAL"],
    burdenLevel: "MODERATE",
    age: 9,
    referral: "2024-10-01",
    samraad: "2024-10-15",
    interview: "2024-10-08",
    note: { sent: "2025-02-03", recommendations: 2 },
    measureStarted: "2025-02-20",
    declined: { on: "2025-02-10", reason: "FAMILY_MOTIVATION" },
    closed: "2025-03-01",
    caseworkers: [["A", "2024-10-01"]],
  },
  {
    key: "K1",
    municipalityCode: "0101",
    abuseTypes: ["SEXUAL"],
    burdenLevel: "LOW",
    age: 4,
    referral: "2025-01-06",
    samraad: "2025-01-16",
    interview: "2025-01-13",
    note: { sent: "2025-04-06", recommendations: 2 },
    measureStarted: "2025-05-01",
    measureKind: "PREVENTIVE_MEASURE",
    declined: { on: "2025-04-20", reason: "FAMILY_MOTIVATION" },
    closed: "2025-04-20",
    caseworkers: [["A", "2025-01-06"]],
  },
  {
    key: "K2",
    municipalityCode: "0101",
    abuseTypes: ["PHYSICAL"],
    burdenLevel: "MODERATE",
    age: 8,
    referral: "2025-01-20",
    samraad: "2025-02-03",
    interview: "2025-01-29",
    note: { sent: "2025-05-30", recommendations: 2 },
    declined: { on: "2025-06-20", reason: "NOT_NEEDED" },
    otherSupport: "2025-06-15",
    closed: "2025-06-30",
    caseworkers: [["A", "2025-01-20"]],
  },
  {
    key: "K3",
    municipalityCode: "0101",
    abuseTypes: ["PHYSICAL", "PSYCHOLOGICAL"],
    burdenLevel: "HIGH",
    age: 14,
    referral: "2025-02-10",
    samraad: "2025-02-17",
    interview: "2025-02-24",
    note: { sent: "2025-06-10", recommendations: 3 },
    measureStarted: "2025-12-20",
    measureKind: "FOSTER_CARE",
    declined: { on: "2025-07-01", reason: "FAMILY_MOTIVATION" },
    closed: "2025-07-01",
    caseworkers: [
      ["A", "2025-02-10", "2025-03-01"],
      ["B", "2025-03-01"],
    ],
  },
  {
    key: "K4",
    municipalityCode: "0101",
    abuseTypes: ["SEXUAL"],
    burdenLevel: "HIGH",
    age: 10,
    referral: "2025-03-03",
    samraad: "2025-03-24",
    note: { sent: "2025-07-01", recommendations: 2 },
    measureStarted: "2025-08-01",
    measureKind: "SAFETY_PLAN",
    declined: { on: "2025-07-15", reason: "SUPPORT_ELSEWHERE" },
    closed: "2025-07-20",
    caseworkers: [["B", "2025-03-03"]],
  },
  {
    key: "K5",
    municipalityCode: "0101",
    abuseTypes: ["PHYSICAL"],
    burdenLevel: "MODERATE",
    age: 3,
    referral: "2025-03-17",
    samraad: "2025-03-31",
    interview: "2025-03-24",
    note: { sent: "2025-08-15", recommendations: 2 },
    measureStarted: "2025-09-01",
    measureKind: "KINSHIP_CARE",
    declined: { on: "2026-01-10", reason: "FAMILY_MOTIVATION" },
    caseworkers: [["B", "2025-03-17"]],
  },
  {
    key: "K6",
    municipalityCode: "0101",
    abuseTypes: ["PSYCHOLOGICAL"],
    burdenLevel: "LOW",
    age: 16,
    referral: "2025-04-07",
    samraad: "2025-04-28",
    caseworkers: [["C", "2025-04-07"]],
  },
  {
    key: "K7",
    municipalityCode: "0101",
    abuseTypes: ["SEXUAL", "PHYSICAL"],
    burdenLevel: "HIGH",
    age: 12,
    referral: "2025-05-05",
    samraad: "2025-05-12",
    interview: "2025-05-19",
    caseworkers: [["C", "2025-05-05"]],
  },
  {
    key: "K8",
    municipalityCode: "0101",
    abuseTypes: ["PHYSICAL"],
    burdenLevel: "MODERATE",
    age: 7,
    referral: "2025-06-02",
    interview: "2025-06-16",
    caseworkers: [["A", "2025-06-02"]],
  },
  {
    key: "K9",
    municipalityCode: "0101",
    abuseTypes: ["PHYSICAL"],
    burdenLevel: "LOW",
    age: 11,
    referral: "2025-09-01",
    samraad: "2025-09-29",
    interview: "2025-09-08",
    caseworkers: [["C", "2025-09-01"]],
  },
  {
    key: "K10",
    municipalityCode: "0101",
    abuseTypes: ["SEXUAL"],
    burdenLevel: "HIGH",
    age: 13,
    referral: "2025-11-03",
    caseworkers: [["C", "2025-11-03"]],
  },
  {
    key: "K11",
    municipalityCode: "0101",
    abuseTypes: ["PHYSICAL"],
    burdenLevel: "MODERATE",
    age: 9,
    referral: "2025-12-01",
    caseworkers: [["C", "2025-12-01"]],
  },
  {
    key: "K12",
    municipalityCode: "0101",
    abuseTypes: ["SEXUAL"],
    burdenLevel: "LOW",
    age: 15,
    referral: "2025-12-15",
    caseworkers: [["D", "2025-12-15"]],
  },
  {
    key: "F1",
    municipalityCode: "0147",
    abuseTypes: ["PHYSICAL"],
    burdenLevel: "LOW",
    age: 2,
    referral: "2025-02-03",
    caseworkers: [["E", "2025-02-03"]],
  },
  {
    key: "F2",
    municipalityCode: "0147",
    abuseTypes: ["SEXUAL"],
    burdenLevel: "MODERATE",
    age: 5,
    referral: "2025-05-05",
    caseworkers: [["E", "2025-05-05"]],
  },
  ...followThroughCohort(),
];

/**
 * Aarhus 2024 (Region Midtjylland): 200 courses whose notes, each with two recommendations, were
 * sent on 2 May 2024, so their six months (to 1 November 2024) are long past. Built to the seed
 * analysis's national figures (000_*.txt), so that they come out of the statistics service exactly:
 * - 130 with a measure started on 3 June, and 4 more that also got other support (they count as a
 *   measure only): a measure within six months in 134/200 = 67%;
 * - other support only, on 3 June: 7 alongside the course, 6 early preventive, 5 private treatment:
 *   18 more, 152/200 = 76%, the difference 9 points (3.5 + 3 + 2.5);
 * - 48 without support in time: 20 unanswered, 14 with a measure started on 16 December 2024 (late),
 *   14 with other support on 2 December 2024 (late).
 * Every date is in 2024 and every course closed on 20 May 2024, so no 2025 figure changes.
 */
function followThroughCohort(): FixtureSpec[] {
  const groups: Array<[count: number, extra: Partial<FixtureSpec>]> = [
    [130, { measureStarted: "2024-06-03" }],
    [4, { measureStarted: "2024-06-03", otherSupport: "2024-05-21", otherSupportKind: "PRIVATE_TREATMENT" }],
    [7, { otherSupport: "2024-06-03", otherSupportKind: "ALONGSIDE_COURSE" }],
    [6, { otherSupport: "2024-06-03", otherSupportKind: "EARLY_PREVENTIVE" }],
    [5, { otherSupport: "2024-06-03", otherSupportKind: "PRIVATE_TREATMENT" }],
    [20, {}],
    [14, { measureStarted: "2024-12-16" }],
    [14, { otherSupport: "2024-12-02", otherSupportKind: "EARLY_PREVENTIVE" }],
  ];
  return groups.flatMap(([count, extra], g) =>
    Array.from(
      { length: count },
      (_, i): FixtureSpec => ({
        key: `A${g}-${i}`,
        municipalityCode: "0751",
        abuseTypes: ["PHYSICAL"],
        burdenLevel: "MODERATE",
        age: 8,
        referral: "2024-01-08",
        note: { sent: "2024-05-02", recommendations: 2 },
        closed: "2024-05-20",
        caseworkers: [["G", "2024-01-08"]],
        ...extra,
      }),
    ),
  );
}

const REGION_OF: Record<FixtureSpec["municipalityCode"], Region> = { "0101": "HOVEDSTADEN", "0147": "HOVEDSTADEN", "0751": "MIDTJYLLAND" };

/**
 * Outcome surveys (docs/indicators.md, "Outcome surveys"), by course: who answered, the day, and
 * the scores by position of the default questions (caregivers, first visit: felt-welcome,
 * knew-what-would-happen, child-felt-safe, was-listened-to, knows-where-to-get-help,
 * would-recommend; null: skipped). answered null: a link issued and never answered.
 */
type SurveySpec = { respondent: SyntheticCourse["surveys"][number]["respondent"]; answered: string | null; scores: Array<number | null> };
const _ = null;
const first = (answered: string | null, scores: Array<number | null>): SurveySpec => ({
  respondent: "CAREGIVER_FIRST_VISIT",
  answered,
  scores,
});
export const FIXTURE_SURVEYS: Record<string, SurveySpec[]> = {
  K0: [first("2024-12-20", [1, _, _, _, _, _])],
  K1: [first("2025-02-03", [5, 4, _, _, _, 5])],
  K2: [first("2025-02-10", [5, 4, _, _, _, 4])],
  K3: [first("2025-03-03", [5, 4, _, _, _, 2])],
  K4: [first("2025-03-10", [4, 4, _, _, _, 1])],
  K5: [first("2025-04-07", [4, 4, _, _, _, _])],
  K6: [first("2025-05-05", [3, 4, _, _, _, _])],
  K7: [first("2025-06-02", [3, 4, _, _, _, _])],
  K8: [first("2025-08-04", [2, 4, _, _, _, _])],
  K9: [first("2025-09-01", [1, 4, _, _, _, _])],
  K10: [first("2025-10-06", [2, 5, _, _, _, _])],
  K11: [{ respondent: "YOUNG_PERSON", answered: "2025-05-05", scores: [5, _, _, _, _] }],
  K12: [first(null, [])],
};

const noon = (date: string) => `${date}T12:00:00.000Z`;
const addDays = (date: string, days: number) => new Date(Date.parse(noon(date)) + days * 86_400_000).toISOString();

/** A fixed uuid per course and role: 00000000-0000-4000-8000-<course><role>. */
function uuid(course: number, role: number): string {
  return `00000000-0000-4000-8000-${String(course).padStart(6, "0")}${String(role).padStart(6, "0")}`;
}

export function fixtureCourses(specs: readonly FixtureSpec[] = FIXTURE): SyntheticCourse[] {
  return specs.map((s, i): SyntheticCourse => {
    const n = i + 1;
    const id = (role: number) => uuid(n, role);
    const caseworker = (who: string) => ({ sub: `fixture:caseworker-${who}`, name: `Rådgiver ${who}` });
    const participants: SyntheticCourse["participants"] = [...new Set(s.caseworkers.map(([who]) => who))].map((who) => ({
      ...caseworker(who),
      sector: "MUNICIPALITY",
      organisation: s.municipalityCode,
      role: "caseworker",
    }));
    participants.push({
      sub: "fixture:coordinator",
      name: "Koordinator Test",
      sector: "BOERNEHUS",
      organisation: REGION_OF[s.municipalityCode],
      role: "coordinator",
    });
    const recommendations = Array.from({ length: s.note?.recommendations ?? 0 }, (_, r) => ({
      id: id(100 + r),
      kind: "THERAPY" as const,
      description: "Terapeutisk forløb (fixture).",
    }));
    const measures = s.measureStarted
      ? [
          {
            id: id(200),
            kind: s.measureKind ?? "FAMILY_TREATMENT",
            ladderStep: ladderStep(s.measureKind ?? "FAMILY_TREATMENT"),
            decidedAt: noon(s.note?.sent ?? s.referral),
            startedAt: noon(s.measureStarted),
          },
        ]
      : [];
    const responder = caseworker(s.caseworkers.at(-1)?.[0] ?? "A").sub;
    const responses: SyntheticCourse["recommendationResponses"] = [];
    if (s.measureStarted && recommendations[0])
      responses.push({
        id: id(300),
        recommendationId: recommendations[0].id,
        response: "MEASURE",
        measureId: id(200),
        otherSupport: null,
        otherSupportKind: null,
        declineReason: null,
        respondedAt: noon(s.note?.sent ?? s.referral),
        respondedBySub: responder,
      });
    const otherTarget = s.measureStarted ? recommendations[1] : recommendations[0];
    if (s.otherSupport && otherTarget)
      responses.push({
        id: id(301),
        recommendationId: otherTarget.id,
        response: "OTHER_SUPPORT",
        measureId: null,
        otherSupport: "Støtte i skolen (fixture).",
        otherSupportKind: s.otherSupportKind ?? "ALONGSIDE_COURSE",
        declineReason: null,
        respondedAt: noon(s.otherSupport),
        respondedBySub: responder,
      });
    const lastRecommendation = recommendations.at(-1);
    if (s.declined && lastRecommendation && !responses.some((r) => r.recommendationId === lastRecommendation.id))
      responses.push({
        id: id(302),
        recommendationId: lastRecommendation.id,
        response: "DECLINED",
        measureId: null,
        otherSupport: null,
        otherSupportKind: null,
        declineReason: s.declined.reason,
        respondedAt: noon(s.declined.on),
        respondedBySub: responder,
      });
    return {
      caseId: id(1),
      region: REGION_OF[s.municipalityCode],
      municipalityCode: s.municipalityCode,
      child: {
        id: id(2),
        // The cohort's children (n > 15) are born on 1 January 2016, told apart by the serial.
        cpr: n <= 15 ? `0101${String(10 + n).padStart(2, "0")}-${String(4000 + n)}` : formatCpr("2016-01-01", 4000 + n),
        firstName: `Testbarn${n}`,
        lastName: "Fixture",
        birthDate: n <= 15 ? `20${String(10 + n).padStart(2, "0")}-01-01` : "2016-01-01",
        gender: n % 2 ? "GIRL" : "BOY",
      },
      custodyHolders: [],
      notification: {
        id: id(3),
        receivedAt: addDays(s.referral, -10),
        source: "SCHOOL",
        concern: "Bekymring (fixture).",
        assessedAt: addDays(s.referral, -9),
      },
      childAssessment: { id: id(4), decidedAt: addDays(s.referral, -5), completedAt: null },
      referral: {
        id: id(5),
        referredAt: noon(s.referral),
        suspicionOrKnowledge: true,
        childAssessmentDecided: true,
        otherSectorInvolved: true,
        abuseTypes: s.abuseTypes,
        policeReportFiled: Boolean(s.interview),
      },
      caseworkerAssignments: s.caseworkers.map(([who, from, to], a) => ({
        id: id(10 + a),
        caseworkerSub: caseworker(who).sub,
        caseworkerName: caseworker(who).name,
        from: noon(from),
        to: to ? noon(to) : null,
      })),
      police: s.interview
        ? {
            reportId: id(20),
            journalNumber: `FIXTURE-${n}`,
            district: "KBH",
            reportedAt: addDays(s.referral, -2),
            investigationStatus: "OPEN",
            decidedAt: null,
            suspect: { id: id(21), name: "Mistænkt Fixture", relation: "UNKNOWN" },
            videoInterview: {
              id: id(22),
              scheduledAt: noon(s.interview),
              heldAt: noon(s.interview),
              status: "HELD",
              interviewerName: "Afhører Test",
              observers: ["BOERNEHUS"],
            },
          }
        : null,
      medicalExaminations: [],
      onwardReferrals: [],
      course: {
        type: "FULL_COURSE",
        status: s.closed ? "CLOSED" : s.note ? "FINAL_NOTE" : s.samraad ? "ACTIVE" : "REFERRED",
        abuseTypes: s.abuseTypes,
        burdenLevel: s.burdenLevel,
        childAgeAtReferral: s.age,
        referralReceivedAt: noon(s.referral),
        closedAt: s.closed ? noon(s.closed) : null,
      },
      participants,
      meetings: s.samraad
        ? [
            {
              id: id(30),
              kind: "PLANNING",
              status: "HELD",
              scheduledAt: noon(s.samraad),
              heldAt: noon(s.samraad),
              agenda: "Planlægning (fixture).",
              minutes: "Referat (fixture).",
              participantSubs: [],
              decisions: [],
              actionItems: [],
            },
          ]
        : [],
      crisisSupport: [],
      assessment: null,
      finalNote: s.note
        ? {
            id: id(40),
            status: "SENT",
            text: "Afsluttende notat (fixture).",
            draftedAt: addDays(s.note.sent, -7),
            signedAt: addDays(s.note.sent, -1),
            signedBy: "fixture:coordinator",
            sentAt: noon(s.note.sent),
            recommendations,
          }
        : null,
      measures,
      recommendationResponses: responses,
      consultations: [],
      surveys: (FIXTURE_SURVEYS[s.key] ?? []).map((v, k) => {
        const issued = addDays(v.answered ?? "2025-06-01", -2);
        return {
          id: id(70 + k),
          respondent: v.respondent,
          issuedAt: issued,
          expiresAt: new Date(Date.parse(issued) + 14 * 86_400_000).toISOString(),
          answeredAt: v.answered ? noon(v.answered) : null,
          scores: v.answered ? v.scores : [],
        };
      }),
    };
  });
}
