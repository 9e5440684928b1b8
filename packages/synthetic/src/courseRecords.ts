/**
 * The second pass of a course (course.ts): the plan cut at `until`, the world's "now". What
 * would happen later has not happened yet (null, PLANNED, BOOKED, left out). One function per
 * record of the course; like the plan, each draws from the course's Random in the order
 * generateCourse calls them.
 */

import { ACTIVITY_SECTOR, type MeasureKind, type RecommendationKind, type ResponseKind } from "@samraad/access/vocabulary";
import {
  type Basics,
  type ClosingPlan,
  type CrisisPlan,
  days,
  type ExamPlan,
  type FinalNotePlan,
  type PolicePlan,
  type ReferralPlan,
} from "./coursePlan.ts";
import { between, HOUR, iso, isoDate, workingSlot } from "./dates.ts";
import {
  CONSULTATION_COUNTS,
  caseworkerCountWeights,
  DECLINE_REASONS,
  FOLLOW_THROUGH,
  INVESTIGATION_OUTCOMES,
  ladderStep,
  MEASURE_FOR_RECOMMENDATION,
  measureWithinSixMonthsProbability,
  NEGATIVE_OUTCOMES,
  ONWARD_REFERRAL_SHARE,
  ONWARD_REFERRAL_TARGETS,
  PARALLEL_MEASURE_KINDS,
  PARALLEL_MEASURE_SHARE,
  suspectRelations,
} from "./distributions.ts";
import type { Activity, CourseParticipant, Region, SyntheticCourse } from "./model.ts";
import { adultName } from "./names.ts";
import { healthOrganisationFor, POLICE_DISTRICTS } from "./organisations.ts";
import type { Random } from "./random.ts";
import { participantFor, randomStaff } from "./staff.ts";
import * as text from "./texts.ts";

type Course = SyntheticCourse;
type Sector4 = CourseParticipant["sector"];
type Meeting = Course["meetings"][number];

/** The world's "now": what has happened by then. */
export interface Cut {
  happened(t: number): boolean;
  /** The instant as ISO if it has happened, else null. */
  isoOrNull(t: number | null): string | null;
}

export function cutAt(untilMs: number): Cut {
  const happened = (t: number) => t <= untilMs;
  return { happened, isoOrNull: (t) => (t !== null && happened(t) ? iso(t) : null) };
}

/** The caseworkers in turn: the planned changes that have happened, and who held the case when. */
export interface Caseworkers {
  chain: CourseParticipant[];
  assignments: Course["caseworkerAssignments"];
  at(t: number): CourseParticipant;
}

export function caseworkersOf(rng: Random, basics: Basics, referral: ReferralPlan, closing: ClosingPlan, cut: Cut): Caseworkers {
  const { code } = basics;
  // The planned number of caseworkers; changes that fall after `until` have not happened yet.
  const planned = rng.weighted(caseworkerCountWeights(code));
  const windowStart = referral.notifiedAt + days(7);
  const windowEnd = closing.closedAt - days(3);
  const changes: number[] = [];
  if (windowEnd - windowStart > days(5)) {
    for (let i = 1; i < planned; i++) changes.push(between(rng, windowStart, windowEnd));
    changes.sort((a, b) => a - b);
  }
  const pastChanges = changes.filter(cut.happened);
  // The current caseworker is the persona where there is one (0101, 0147); earlier ones are staff.
  const chain: CourseParticipant[] = [participantFor(rng, "cw", code, code)];
  while (chain.length < pastChanges.length + 1) {
    const next = chain[0] as CourseParticipant;
    let earlier = randomStaff(rng, "cw", code);
    for (let t = 0; t < 5 && earlier.sub === next.sub; t++) earlier = randomStaff(rng, "cw", code);
    chain.unshift(earlier);
  }
  const assignments = chain.map((cw, i) => ({
    id: rng.uuid(),
    caseworkerSub: cw.sub,
    caseworkerName: cw.name,
    from: iso(i === 0 ? referral.notifiedAt : (pastChanges[i - 1] as number)),
    to: i < pastChanges.length ? iso(pastChanges[i] as number) : null,
  }));
  const at = (t: number): CourseParticipant => {
    let k = 0;
    while (k < pastChanges.length && (pastChanges[k] as number) <= t) k++;
    return chain[k] as CourseParticipant;
  };
  return { chain, assignments, at };
}

/** The people of the course: who takes part (joined as their part happens) and who would. */
export interface Team {
  participants: Map<string, CourseParticipant>;
  join(p: CourseParticipant): CourseParticipant;
  coordinator: CourseParticipant;
  psychologist: CourseParticipant;
  investigator: CourseParticipant;
  /** The physician of a hospital region, drawn the first time that region is asked for. */
  physicianFor(hospitalRegion: Region): CourseParticipant;
}

export function teamOf(rng: Random, basics: Basics, caseworkers: Caseworkers): Team {
  const participants = new Map<string, CourseParticipant>();
  const join = (p: CourseParticipant) => {
    participants.set(p.sub, p);
    return p;
  };
  for (const cw of caseworkers.chain) join(cw);
  const coordinator = join(participantFor(rng, "coord", basics.region, basics.code));
  const psychologist = join(participantFor(rng, "psy", basics.region, basics.code));
  const investigator = participantFor(rng, "inv", basics.district.code, basics.code);
  const physicians = new Map<Region, CourseParticipant>();
  const physicianFor = (hospitalRegion: Region) => {
    let p = physicians.get(hospitalRegion);
    if (!p) {
      p = participantFor(rng, "phys", healthOrganisationFor(hospitalRegion), basics.code);
      physicians.set(hospitalRegion, p);
    }
    return p;
  };
  return { participants, join, coordinator, psychologist, investigator, physicianFor };
}

/** The police report and its interview, once reported; the investigator joins. */
export function policeRecord(rng: Random, basics: Basics, plan: PolicePlan, team: Team, cut: Cut): Course["police"] {
  if (!plan.involved || !cut.happened(plan.reportedAt)) return null;
  const interviewHeld = plan.wantsInterview && !plan.objection && cut.happened(plan.interviewAt) && cut.happened(plan.interviewBookedAt);
  team.join(team.investigator);
  const decisionBase = interviewHeld ? plan.interviewAt : plan.reportedAt;
  const decidedAtPlanned = decisionBase + days(rng.clampedNormal(90, 40, 20, 300));
  const outcome = rng.weighted(INVESTIGATION_OUTCOMES);
  const districtNo = String(POLICE_DISTRICTS.indexOf(basics.district) + 1).padStart(2, "0");
  const observers: Sector4[] = [];
  if (rng.chance(0.85)) observers.push("MUNICIPALITY");
  if (rng.chance(0.9) || observers.length === 0) observers.push("BOERNEHUS");
  if (rng.chance(0.1)) observers.push("HEALTH");
  return {
    reportId: rng.uuid(),
    journalNumber: `${districtNo}00-${rng.int(70000, 79999)}-${String(rng.int(1, 99999)).padStart(5, "0")}-${isoDate(plan.reportedAt).slice(2, 4)}`,
    district: basics.district.code,
    reportedAt: iso(plan.reportedAt),
    investigationStatus: cut.happened(decidedAtPlanned) ? outcome : "OPEN",
    decidedAt: cut.isoOrNull(decidedAtPlanned),
    suspect: { id: rng.uuid(), name: adultName(rng), relation: rng.weighted(suspectRelations(basics.abuseTypes)) },
    videoInterview:
      plan.wantsInterview && cut.happened(plan.interviewBookedAt)
        ? {
            id: rng.uuid(),
            scheduledAt: iso(plan.interviewAt),
            heldAt: interviewHeld ? iso(plan.interviewAt) : null,
            status: plan.objection ? "CANCELLED" : interviewHeld ? "HELD" : "BOOKED",
            interviewerName: team.investigator.name,
            observers,
          }
        : null,
  };
}

/** The examinations booked so far (their physicians join), and the onward referrals after them. */
export function healthRecords(
  rng: Random,
  exams: ExamPlan[],
  team: Team,
  cut: Cut,
): Pick<Course, "medicalExaminations" | "onwardReferrals"> {
  const medicalExaminations: Course["medicalExaminations"] = [];
  const onwardReferrals: Course["onwardReferrals"] = [];
  for (const plan of exams) {
    if (!cut.happened(plan.createdAt)) continue;
    const physician = team.join(team.physicianFor(plan.hospitalRegion));
    const performed = cut.happened(plan.scheduledAt);
    const id = rng.uuid();
    medicalExaminations.push({
      id,
      kind: plan.kind,
      scheduledAt: iso(plan.scheduledAt),
      performedAt: performed ? iso(plan.scheduledAt) : null,
      unit: text.examinationUnit(plan.kind, plan.hospitalRegion),
      hospitalRegion: plan.hospitalRegion,
      physicianName: physician.name,
      findingsSummary: performed ? text.findingsSummary(rng, plan.kind) : null,
      clinicalDetails: performed ? text.clinicalDetails(rng, plan.kind) : null,
    });
    if (performed && rng.chance(ONWARD_REFERRAL_SHARE)) {
      const at = plan.scheduledAt + days(rng.float(1, 20));
      if (cut.happened(at))
        onwardReferrals.push({ id: rng.uuid(), examinationId: id, target: rng.weighted(ONWARD_REFERRAL_TARGETS), referredAt: iso(at) });
    }
  }
  return { medicalExaminations, onwardReferrals };
}

/** What the planning samråd decides on, from the plan. */
function planningActivities(rng: Random, basics: Basics, planningAt: number, police: PolicePlan, exams: ExamPlan[], crisis: CrisisPlan[]) {
  const activities: Activity[] = [];
  if (police.wantsInterview) activities.push("VIDEO_INTERVIEW");
  if (exams.some((e) => e.createdAt === planningAt)) activities.push("MEDICAL_EXAMINATION");
  if (crisis.length > 0) activities.push("CRISIS_SUPPORT");
  if (basics.full) activities.push("ASSESSMENT");
  if (basics.burdenLevel === "HIGH" && rng.chance(0.5)) activities.push("SAFETY_PLAN");
  if (police.involved && !police.earlyReport) activities.push("POLICE_REPORT");
  if (rng.chance(0.2)) activities.push("OTHER");
  return activities;
}

/** The planning samråd: who was invited, its decisions and their action items, once held. */
export function planningMeeting(
  rng: Random,
  basics: Basics,
  plan: { planningAt: number; police: PolicePlan; exams: ExamPlan[]; crisis: CrisisPlan[] },
  people: { team: Team; caseworkers: Caseworkers },
  cut: Cut,
): Meeting {
  const { planningAt, police, exams } = plan;
  const { team } = people;
  const held = cut.happened(planningAt);
  const activities = planningActivities(rng, basics, planningAt, police, exams, plan.crisis);
  const subs = [people.caseworkers.at(planningAt).sub, team.coordinator.sub, team.psychologist.sub];
  if (police.involved && police.earlyReport && cut.happened(police.reportedAt)) subs.push(team.investigator.sub);
  const firstExam = exams[0];
  if (firstExam && cut.happened(firstExam.createdAt) && rng.chance(0.6)) subs.push(team.physicianFor(firstExam.hospitalRegion).sub);
  const decisions = held
    ? activities.map((activity) => ({
        id: rng.uuid(),
        activity,
        decision: text.decisionText(rng, activity),
        responsibleSector: ACTIVITY_SECTOR[activity],
      }))
    : [];
  const actionItems = decisions.map((d) => {
    const dueAt = workingSlot(rng, planningAt + days(rng.float(3, 21)));
    const cancelled = d.activity === "VIDEO_INTERVIEW" && police.objection;
    const completedAt = workingSlot(rng, planningAt + rng.float(HOUR, dueAt - planningAt + days(5)));
    const done = !cancelled && cut.happened(completedAt);
    return {
      id: rng.uuid(),
      title: text.actionItemTitle(d.activity),
      owningSector: d.responsibleSector,
      dueAt: iso(dueAt),
      status: cancelled
        ? ("CANCELLED" as const)
        : done
          ? ("DONE" as const)
          : rng.chance(0.5)
            ? ("IN_PROGRESS" as const)
            : ("OPEN" as const),
      completedAt: done ? iso(completedAt) : null,
    };
  });
  return {
    id: rng.uuid(),
    kind: "PLANNING",
    status: held ? "HELD" : "PLANNED",
    scheduledAt: iso(planningAt),
    heldAt: held ? iso(planningAt) : null,
    agenda: text.meetingAgenda("PLANNING", activities),
    minutes: held ? text.meetingMinutes(rng, "PLANNING") : null,
    participantSubs: subs,
    decisions,
    actionItems,
  };
}

export function crisisSupportRecords(rng: Random, crisis: CrisisPlan[], team: Team, cut: Cut): Course["crisisSupport"] {
  return crisis
    .filter((c) => cut.happened(c.at))
    .map((c) => ({
      id: rng.uuid(),
      recipient: c.recipient,
      heldAt: iso(c.at),
      counsellorName: team.psychologist.name,
      notes: text.crisisNotes(rng, c.recipient),
    }));
}

export function assessmentRecord(rng: Random, basics: Basics, note: FinalNotePlan, cut: Cut): Course["assessment"] {
  if (!basics.full || !cut.happened(note.assessmentStartedAt)) return null;
  return {
    id: rng.uuid(),
    startedAt: iso(note.assessmentStartedAt),
    completedAt: cut.isoOrNull(note.assessmentCompletedAt),
    summary: text.assessmentSummary(rng, basics.burdenLevel),
  };
}

/** The measures of the course, in the order they are decided. */
export class Measures {
  readonly list: Course["measures"] = [];
  constructor(
    private rng: Random,
    private cut: Cut,
  ) {}

  add(kind: MeasureKind, decidedAt: number, startedAt: number): { id: string } {
    const m = {
      id: this.rng.uuid(),
      kind,
      ladderStep: ladderStep(kind),
      decidedAt: iso(decidedAt),
      startedAt: this.cut.isoOrNull(startedAt),
    };
    this.list.push(m);
    return m;
  }
}

/** A measure the municipality starts during the course, beside the samråd (by the burden). */
export function parallelMeasure(
  rng: Random,
  basics: Basics,
  dates: { planningAt: number; draftedAt: number; closedAt: number },
  measures: Measures,
  cut: Cut,
): { id: string } | null {
  if (!rng.chance(PARALLEL_MEASURE_SHARE[basics.burdenLevel])) return null;
  const end = basics.full ? dates.draftedAt - days(7) : dates.closedAt;
  const decidedAt = workingSlot(rng, between(rng, dates.planningAt + days(3), Math.max(dates.planningAt + days(4), end)));
  const startedAt = workingSlot(rng, decidedAt + days(rng.float(0, 30)));
  return cut.happened(decidedAt) ? { id: measures.add(rng.weighted(PARALLEL_MEASURE_KINDS), decidedAt, startedAt).id } : null;
}

/** The final note of a full course, once drafted, with its recommendations. */
export function finalNoteRecord(
  rng: Random,
  basics: Basics,
  note: FinalNotePlan,
  recommendationKinds: RecommendationKind[],
  team: Team,
  cut: Cut,
): Course["finalNote"] {
  if (!basics.full || !cut.happened(note.draftedAt)) return null;
  const recommendations = recommendationKinds.map((kind) => ({
    id: rng.uuid(),
    kind,
    description: text.recommendationDescription(rng, kind),
  }));
  const status = cut.happened(note.sentAt) ? "SENT" : cut.happened(note.signedAt) ? "SIGNED" : "DRAFT";
  return {
    id: rng.uuid(),
    status,
    text: text.finalNoteText(rng, basics.burdenLevel, recommendations.length),
    draftedAt: iso(note.draftedAt),
    signedAt: cut.isoOrNull(note.signedAt),
    signedBy: cut.happened(note.signedAt) ? team.coordinator.sub : null,
    sentAt: cut.isoOrNull(note.sentAt),
    recommendations,
  };
}

type Answer = ResponseKind | "UNANSWERED" | "LATE_MEASURE";

/**
 * The municipality's answers to a sent final note's recommendations: the course's outcome first
 * (seed 000's 67% / 76%), then one answer per recommendation, the lead one matching the outcome.
 */
export function recommendationResponses(
  rng: Random,
  basics: Basics,
  finalNote: Course["finalNote"],
  sentAt: number,
  context: { caseworkers: Caseworkers; measures: Measures; parallel: { id: string } | null },
  cut: Cut,
): Course["recommendationResponses"] {
  const responses: Course["recommendationResponses"] = [];
  if (finalNote?.status !== "SENT" || finalNote.recommendations.length === 0) return responses;
  const { recommendations } = finalNote;
  const pMeasure = measureWithinSixMonthsProbability(basics.code, basics.abuseTypes, basics.burdenLevel);
  const u = rng.next();
  const outcome = u < pMeasure ? "MEASURE" : u < pMeasure + FOLLOW_THROUGH.otherSupportOnly ? "OTHER_SUPPORT" : "NEGATIVE";
  const lead = rng.int(0, recommendations.length - 1);

  const answerFor = (i: number): Answer => {
    if (outcome === "MEASURE") {
      if (i === lead) return "MEASURE";
      return rng.weighted<Answer>([
        ["MEASURE", 0.45],
        ["OTHER_SUPPORT", 0.15],
        ["DECLINED", 0.25],
        ["UNANSWERED", 0.15],
      ]);
    }
    if (outcome === "OTHER_SUPPORT") {
      if (i === lead) return "OTHER_SUPPORT";
      return rng.weighted<Answer>([
        ["OTHER_SUPPORT", 0.3],
        ["DECLINED", 0.45],
        ["UNANSWERED", 0.25],
      ]);
    }
    return rng.weighted(NEGATIVE_OUTCOMES);
  };

  recommendations.forEach((rec, i) => {
    const answer = answerFor(i);
    // One draw for the kind and its text together, so the rest of the world stays as it was.
    const other = answer === "OTHER_SUPPORT" ? text.otherSupport(rng) : null;
    if (answer === "UNANSWERED") return;
    const late = answer === "LATE_MEASURE";
    const respondedAt = workingSlot(rng, sentAt + days(late ? rng.float(60, 150) : rng.float(5, answer === "DECLINED" ? 90 : 60)));
    if (!cut.happened(respondedAt)) return;
    let measureId: string | null = null;
    if (answer === "MEASURE" || late) {
      if (!late && i === lead && context.parallel && rng.chance(0.4)) {
        measureId = context.parallel.id; // the support already running continues
      } else {
        const startedAt = workingSlot(rng, late ? sentAt + days(rng.float(190, 320)) : respondedAt + days(rng.float(0, 90)));
        measureId = context.measures.add(rng.weighted(MEASURE_FOR_RECOMMENDATION[rec.kind]), respondedAt, startedAt).id;
      }
    }
    responses.push({
      id: rng.uuid(),
      recommendationId: rec.id,
      response: late ? "MEASURE" : answer,
      measureId,
      otherSupport: other?.text ?? null,
      otherSupportKind: other?.kind ?? null,
      declineReason: answer === "DECLINED" ? rng.weighted(DECLINE_REASONS) : null,
      respondedAt: iso(respondedAt),
      respondedBySub: context.caseworkers.at(respondedAt).sub,
    });
  });
  return responses;
}

/** The follow-up samråd, once the final note is sent: the municipality reports back on the recommendations. */
export function followUpMeeting(
  rng: Random,
  closing: ClosingPlan,
  sentAt: number,
  people: { team: Team; caseworkers: Caseworkers; police: Course["police"] },
  cut: Cut,
): Meeting | null {
  if (!closing.hasFollowUp || !cut.happened(sentAt)) return null;
  const { followUpAt, followUpCancelled } = closing;
  const { team } = people;
  const held = !followUpCancelled && cut.happened(followUpAt);
  const subs = [people.caseworkers.at(followUpAt).sub, team.coordinator.sub, team.psychologist.sub];
  if (people.police && rng.chance(0.5)) subs.push(team.investigator.sub);
  const decisions = held
    ? [
        {
          id: rng.uuid(),
          activity: "OTHER" as const,
          decision: "Kommunen tager stilling til børnehusets anbefalinger i den børnefaglige undersøgelse.",
          responsibleSector: "MUNICIPALITY" as const,
        },
      ]
    : [];
  const actionItems = decisions.map(() => {
    const dueAt = workingSlot(rng, followUpAt + days(rng.float(14, 30)));
    const completedAt = workingSlot(rng, followUpAt + rng.float(days(1), days(35)));
    const done = cut.happened(completedAt);
    return {
      id: rng.uuid(),
      title: "Kommunen melder tilbage om opfølgning på anbefalingerne",
      owningSector: "MUNICIPALITY" as const,
      dueAt: iso(dueAt),
      status: done ? ("DONE" as const) : ("OPEN" as const),
      completedAt: done ? iso(completedAt) : null,
    };
  });
  return {
    id: rng.uuid(),
    kind: "FOLLOW_UP",
    status: followUpCancelled && cut.happened(followUpAt) ? "CANCELLED" : held ? "HELD" : "PLANNED",
    scheduledAt: iso(followUpAt),
    heldAt: held ? iso(followUpAt) : null,
    agenda: text.meetingAgenda("FOLLOW_UP", []),
    minutes: held ? text.meetingMinutes(rng, "FOLLOW_UP") : null,
    participantSubs: subs,
    decisions,
    actionItems,
  };
}

/** Running consultations with the børnehus (or the police) from a week after the referral to the end. */
export function consultationRecords(
  rng: Random,
  referralReceivedAt: number,
  end: number,
  police: Course["police"],
  cut: Cut,
): Course["consultations"] {
  const consultations: Course["consultations"] = [];
  const count = rng.weighted(CONSULTATION_COUNTS);
  for (let i = 0; i < count; i++) {
    const at = workingSlot(rng, between(rng, referralReceivedAt + days(7), end));
    if (!cut.happened(at) || at > end) continue;
    const withSector = police && rng.chance(0.25) ? "POLICE" : "BOERNEHUS";
    consultations.push({ id: rng.uuid(), heldAt: iso(at), withSector, summary: text.consultationSummary(rng, withSector) });
  }
  consultations.sort((a, b) => a.heldAt.localeCompare(b.heldAt));
  return consultations;
}
