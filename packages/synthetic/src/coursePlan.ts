/**
 * The first pass of a course (course.ts): its whole life planned as if time never stopped,
 * every date in order. One function per step; each draws from the course's Random in the
 * order the steps are called, so the order of the calls in generateCourse is part of the
 * world (test/fingerprint.test.ts pins it).
 */
import type { RecommendationKind } from "@samraad/access/vocabulary";
import { cprSerial, formatCpr, nextCprSerial } from "./cpr.ts";
import { between, DAY, HOUR, isoDate, workingSlot } from "./dates.ts";
import {
  ABUSE_COMBINATIONS,
  AGE_WEIGHTS,
  burdenWeights,
  CRISIS_SUPPORT_SHARE,
  CUSTODY_HOLDER_COUNTS,
  CUSTODY_OBJECTION_SHARE,
  EARLY_POLICE_REPORT_SHARE,
  examinationKinds,
  examinationShare,
  FINAL_NOTE_DAYS,
  FOLLOW_UP_MEETING_SHARE,
  girlShare,
  LATE_INTERVIEW_SHARE,
  MUNICIPALITY_TABLE,
  NOTIFICATION_SOURCES,
  policeReportShare,
  RECOMMENDATION_COUNTS,
  RECOMMENDATION_KINDS,
  RECOMMENDS_SUPPORT,
  SAMRAAD_ONLY_SHARE,
  VIDEO_INTERVIEW_MAX_AGE,
  VIDEO_INTERVIEW_SHARE,
} from "./distributions.ts";
import type {
  AbuseType,
  BurdenLevel,
  CourseType,
  CustodyRelation,
  ExaminationKind,
  Gender,
  NotificationSource,
  Region,
  SyntheticCourse,
} from "./model.ts";
import { adultName, childFirstName, surname } from "./names.ts";
import { forensicRegionFor, type PoliceDistrict, policeDistrictFor } from "./organisations.ts";
import type { Random } from "./random.ts";

export const days = (n: number) => n * DAY;

/** Who and what: the municipality, the abuse, the child's age and gender, the kind of course. */
export interface Basics {
  code: string;
  region: Region;
  district: PoliceDistrict;
  abuseTypes: AbuseType[];
  burdenLevel: BurdenLevel;
  age: number;
  gender: Gender;
  courseType: CourseType;
  full: boolean;
}

export function drawBasics(rng: Random): Basics {
  const municipality = MUNICIPALITY_TABLE.sample(rng);
  const code = municipality.code;
  const abuseTypes = [...rng.weighted(ABUSE_COMBINATIONS)];
  const burdenLevel = rng.weighted(burdenWeights(abuseTypes));
  const age = rng.weighted(AGE_WEIGHTS);
  const gender: Gender = rng.chance(girlShare(abuseTypes)) ? "GIRL" : "BOY";
  const courseType: CourseType = rng.chance(SAMRAAD_ONLY_SHARE) ? "SAMRAAD_ONLY" : "FULL_COURSE";
  return {
    code,
    region: municipality.region,
    district: policeDistrictFor(code),
    abuseTypes,
    burdenLevel,
    age,
    gender,
    courseType,
    full: courseType === "FULL_COURSE",
  };
}

/** The child: a CPR number not yet taken in this world, the age at referral exact. */
export function drawChild(rng: Random, basics: Basics, referralReceivedAt: number, takenCprs?: Set<string>): SyntheticCourse["child"] {
  const lastName = surname(rng);
  const received = new Date(referralReceivedAt);
  // The age-th birthday fell 1-364 days before the referral, so the age at referral is exact.
  const anniversary = Date.UTC(received.getUTCFullYear() - basics.age, received.getUTCMonth(), received.getUTCDate());
  const birthDate = isoDate(anniversary - days(rng.int(1, 364)));
  let serial = cprSerial(rng, Number(birthDate.slice(0, 4)), basics.gender);
  let cpr = formatCpr(birthDate, serial);
  while (takenCprs?.has(cpr)) {
    serial = nextCprSerial(serial);
    cpr = formatCpr(birthDate, serial);
  }
  takenCprs?.add(cpr);
  return { id: rng.uuid(), cpr, firstName: childFirstName(rng, basics.gender === "GIRL"), lastName, birthDate, gender: basics.gender };
}

/** One or two custody holders; none objects to a video interview until planPolice says so. */
export function drawCustodyHolders(rng: Random, childLastName: string): SyntheticCourse["custodyHolders"] {
  const holderCount = rng.weighted(CUSTODY_HOLDER_COUNTS);
  const relations: CustodyRelation[] =
    holderCount === 2
      ? rng.chance(0.9)
        ? ["MOTHER", "FATHER"]
        : ["MOTHER", "OTHER"]
      : [
          rng.weighted<CustodyRelation>([
            ["MOTHER", 0.75],
            ["FATHER", 0.2],
            ["OTHER", 0.05],
          ]),
        ];
  return relations.map((relation, i) => {
    const name = adultName(rng, relation === "MOTHER" ? true : relation === "FATHER" ? false : undefined);
    // The first custody holder shares the child's surname; the second sometimes does.
    const shares = i === 0 || rng.chance(0.5);
    return {
      id: rng.uuid(),
      name: shares ? `${name.split(" ")[0]} ${childLastName}` : name,
      relation,
      objectsToVideoInterview: false,
    };
  });
}

/** Before the referral: the notification, its assessment, the child assessment (BFU), the referral. */
export interface ReferralPlan {
  referredAt: number;
  notifiedAt: number;
  assessedAt: number;
  bfuDecidedAt: number;
  bfuCompletedAt: number;
  source: NotificationSource;
}

export function planReferral(rng: Random, referralReceivedAt: number): ReferralPlan {
  const referredAt = referralReceivedAt - (rng.chance(0.7) ? rng.float(0, 4 * HOUR) : rng.float(4 * HOUR, days(3)));
  const lagDays = Math.min(60, Math.max(0.5, Math.exp(rng.normal(Math.log(6), 0.7))));
  const notifiedAt = referredAt - days(lagDays);
  const assessedAt = Math.min(referredAt, notifiedAt + (rng.chance(0.85) ? rng.float(0.5 * HOUR, 23 * HOUR) : rng.float(days(1), days(5))));
  const bfuDecidedAt = between(rng, assessedAt, referredAt);
  const bfuCompletedAt = bfuDecidedAt + days(rng.clampedNormal(110, 25, 45, 200));
  const source = rng.weighted(NOTIFICATION_SOURCES);
  return { referredAt, notifiedAt, assessedAt, bfuDecidedAt, bfuCompletedAt, source };
}

/** The planning samråd, a few working days after the referral. */
export function planPlanningMeeting(rng: Random, referralReceivedAt: number): number {
  return workingSlot(rng, referralReceivedAt + days(rng.clampedNormal(4, 2.5, 1, 21)));
}

/** The police: a report (early, before the referral, or after the samråd) and the video interview. */
export interface PolicePlan {
  involved: boolean;
  earlyReport: boolean;
  reportedAt: number;
  wantsInterview: boolean;
  /** A custody holder objects to the video interview (marked on that holder). */
  objection: boolean;
  interviewBookedAt: number;
  interviewAt: number;
}

export function planPolice(
  rng: Random,
  basics: Basics,
  referral: ReferralPlan,
  planningAt: number,
  custodyHolders: SyntheticCourse["custodyHolders"],
): PolicePlan {
  const involved = rng.chance(policeReportShare(basics.abuseTypes));
  const earlyReport = rng.chance(EARLY_POLICE_REPORT_SHARE);
  const reportedAt = earlyReport ? between(rng, referral.assessedAt, referral.referredAt) : planningAt + rng.float(2 * HOUR, days(3));
  const wantsInterview = involved && basics.age <= VIDEO_INTERVIEW_MAX_AGE && rng.chance(VIDEO_INTERVIEW_SHARE);
  const objection = wantsInterview && rng.chance(CUSTODY_OBJECTION_SHARE);
  if (objection) {
    const objector = rng.pick(custodyHolders);
    objector.objectsToVideoInterview = true;
  }
  const interviewBookedAt = Math.max(planningAt, reportedAt);
  const interviewDelay = rng.chance(LATE_INTERVIEW_SHARE) ? days(rng.float(14, 35)) : days(rng.clampedNormal(7, 2, 3, 12));
  const interviewAt = workingSlot(rng, Math.max(reportedAt + interviewDelay, planningAt + days(1)));
  return { involved, earlyReport, reportedAt, wantsInterview, objection, interviewBookedAt, interviewAt };
}

/** When the interview is held, if it is (no objection): later steps wait for it. */
export const heldInterviewOr = (police: PolicePlan, otherwise: number): number =>
  police.wantsInterview && !police.objection ? police.interviewAt : otherwise;

export interface ExamPlan {
  kind: ExaminationKind;
  createdAt: number;
  scheduledAt: number;
  hospitalRegion: Region;
}

/**
 * Examinations: acute forensic ones right after the referral, the rest once the samråd has met.
 * Without the police, health is the other sector the referral criteria require.
 */
export function planExaminations(
  rng: Random,
  basics: Basics,
  referralReceivedAt: number,
  planningAt: number,
  police: PolicePlan,
): ExamPlan[] {
  const kinds: ExaminationKind[] = [];
  if (rng.chance(examinationShare(basics.abuseTypes))) {
    const first = rng.weighted(examinationKinds(basics.abuseTypes));
    kinds.push(first);
    if (rng.chance(0.2)) kinds.push(first === "PEDIATRIC" ? "SOMATIC" : "PEDIATRIC");
  }
  if (!police.involved && kinds.length === 0) kinds.push("INITIAL_ASSESSMENT");
  return kinds.map((kind) => {
    const acute = kind === "FORENSIC" || kind === "INITIAL_ASSESSMENT";
    const createdAt = acute ? referralReceivedAt : planningAt;
    const scheduledAt = workingSlot(rng, acute ? referralReceivedAt + days(rng.float(0, 4)) : planningAt + days(rng.float(2, 30)));
    const hospitalRegion = kind === "FORENSIC" ? forensicRegionFor(basics.region) : basics.region;
    return { kind, createdAt, scheduledAt, hospitalRegion };
  });
}

export interface CrisisPlan {
  at: number;
  recipient: "CHILD" | "CAREGIVER";
}

/** Crisis support sessions, from a few days after the samråd (or the interview) on. */
export function planCrisisSupport(rng: Random, basics: Basics, planningAt: number, police: PolicePlan): CrisisPlan[] {
  const count = rng.chance(CRISIS_SUPPORT_SHARE[basics.courseType]) ? rng.int(1, 6) : 0;
  const plans: CrisisPlan[] = [];
  let at = Math.max(planningAt, heldInterviewOr(police, planningAt)) + days(rng.float(2, 10));
  for (let i = 0; i < count; i++) {
    at = workingSlot(rng, at);
    plans.push({ at, recipient: rng.chance(0.6) ? "CHILD" : "CAREGIVER" });
    at += days(rng.float(5, 21));
  }
  return plans;
}

/** The assessment and the final note: drafted, signed, sent. */
export interface FinalNotePlan {
  draftedAt: number;
  assessmentStartedAt: number;
  assessmentCompletedAt: number;
  signedAt: number;
  sentAt: number;
}

export function planFinalNote(rng: Random, referralReceivedAt: number, planningAt: number, police: PolicePlan): FinalNotePlan {
  const draftedAt = workingSlot(
    rng,
    referralReceivedAt + days(rng.clampedNormal(FINAL_NOTE_DAYS.mean, FINAL_NOTE_DAYS.sd, FINAL_NOTE_DAYS.min, FINAL_NOTE_DAYS.max)),
  );
  const assessmentCompletedAt = Math.min(workingSlot(rng, draftedAt - days(rng.int(3, 14))), draftedAt - HOUR);
  const assessmentBase = police.wantsInterview && !police.objection ? Math.max(planningAt, police.interviewAt) : planningAt;
  const assessmentStartedAt = Math.min(workingSlot(rng, assessmentBase + days(rng.float(7, 45))), assessmentCompletedAt - days(20));
  const signedAt = workingSlot(rng, draftedAt + days(rng.float(2, 14)));
  // Sent the same day as signed, or with the next working day's post.
  const sentAt = rng.chance(0.6) ? signedAt + rng.float(0, 2 * HOUR) : workingSlot(rng, signedAt + days(1));
  return { draftedAt, assessmentStartedAt, assessmentCompletedAt, signedAt, sentAt };
}

/** What the final note will recommend (a full course, by the burden), each kind once. */
export function planRecommendations(rng: Random, basics: Basics): RecommendationKind[] {
  const kinds: RecommendationKind[] = [];
  if (basics.full && rng.chance(RECOMMENDS_SUPPORT[basics.burdenLevel])) {
    const count = rng.weighted(RECOMMENDATION_COUNTS);
    for (let tries = 0; kinds.length < count && tries < 20; tries++) {
      const kind = rng.weighted(RECOMMENDATION_KINDS[basics.burdenLevel]);
      if (!kinds.includes(kind)) kinds.push(kind);
    }
  }
  return kinds;
}

/** The follow-up samråd (some full courses) and when the course closes. */
export interface ClosingPlan {
  hasFollowUp: boolean;
  followUpAt: number;
  followUpCancelled: boolean;
  closedAt: number;
}

export function planClosing(
  rng: Random,
  basics: Basics,
  events: { planningAt: number; police: PolicePlan; exams: ExamPlan[]; crisis: CrisisPlan[]; sentAt: number },
): ClosingPlan {
  const { planningAt, police, sentAt } = events;
  const hasFollowUp = basics.full && rng.chance(FOLLOW_UP_MEETING_SHARE);
  const followUpAt = workingSlot(rng, sentAt + days(rng.float(30, 75)));
  const followUpCancelled = hasFollowUp && rng.chance(0.05);
  const lastSamraadOnlyEvent = Math.max(
    planningAt,
    police.wantsInterview ? police.interviewAt : planningAt,
    ...events.exams.map((e) => e.scheduledAt),
    ...events.crisis.map((c) => c.at),
  );
  const closedAt = basics.full
    ? hasFollowUp && !followUpCancelled
      ? followUpAt + rng.float(0, days(3))
      : Math.max(sentAt, hasFollowUp ? followUpAt : sentAt) + days(rng.float(14, 30))
    : lastSamraadOnlyEvent + days(rng.float(7, 30));
  return { hasFollowUp, followUpAt, followUpCancelled, closedAt };
}
