/**
 * One synthetic course, from the notification to the follow-up samråd.
 *
 * Generation runs in two passes. First the whole life of the course is planned as if
 * time never stopped (every date, in order). Then it is cut at `until`, the world's
 * "now": what would happen later has not happened yet (null, PLANNED, BOOKED, left out),
 * which is how courses close to `until` end up early in the flow and older ones CLOSED.
 * Planning first keeps the dates consistent whatever the cut.
 *
 * Every draw comes from the course's own Random, so a course depends only on the seed,
 * its index and its referral date (plus the set of CPR numbers already taken).
 */

import {
  days,
  drawBasics,
  drawChild,
  drawCustodyHolders,
  heldInterviewOr,
  planClosing,
  planCrisisSupport,
  planExaminations,
  planFinalNote,
  planPlanningMeeting,
  planPolice,
  planRecommendations,
  planReferral,
} from "./coursePlan.ts";
import {
  assessmentRecord,
  caseworkersOf,
  consultationRecords,
  crisisSupportRecords,
  cutAt,
  finalNoteRecord,
  followUpMeeting,
  healthRecords,
  Measures,
  parallelMeasure,
  planningMeeting,
  policeRecord,
  recommendationResponses,
  teamOf,
} from "./courseRecords.ts";
import { DAY, iso } from "./dates.ts";
import type { CourseStatus, SyntheticCourse } from "./model.ts";
import { motivationRecords } from "./motivation.ts";
import type { Random } from "./random.ts";
import { surveyRecords } from "./surveys.ts";
import * as text from "./texts.ts";

export interface CourseInput {
  rng: Random;
  /** When the børnehus received the referral (epoch ms); must be <= untilMs. */
  referralReceivedAt: number;
  /** The world's "now" (epoch ms): nothing after it has happened. */
  untilMs: number;
  /** CPR numbers already used in this world; the new child's is added. */
  takenCprs?: Set<string>;
}

/**
 * The steps in the order they draw from the course's Random: reordering them changes the
 * world (test/fingerprint.test.ts). The plan (coursePlan.ts) first, then the records cut at
 * `until` (courseRecords.ts).
 */
export function generateCourse(input: CourseInput): SyntheticCourse {
  const { rng } = input;
  const R = input.referralReceivedAt;
  const cut = cutAt(input.untilMs);

  // The plan: who and what, then every date as if time never stopped.
  const basics = drawBasics(rng);
  const child = drawChild(rng, basics, R, input.takenCprs);
  const custodyHolders = drawCustodyHolders(rng, child.lastName);
  const referral = planReferral(rng, R);
  const planningAt = planPlanningMeeting(rng, R);
  const policePlan = planPolice(rng, basics, referral, planningAt, custodyHolders);
  const exams = planExaminations(rng, basics, R, planningAt, policePlan);
  const crisis = planCrisisSupport(rng, basics, planningAt, policePlan);
  const note = planFinalNote(rng, R, planningAt, policePlan);
  const recommendationKinds = planRecommendations(rng, basics);
  const closing = planClosing(rng, basics, { planningAt, police: policePlan, exams, crisis, sentAt: note.sentAt });

  // The records: the plan cut at `until`.
  const caseworkers = caseworkersOf(rng, basics, referral, closing, cut);
  const team = teamOf(rng, basics, caseworkers);
  const police = policeRecord(rng, basics, policePlan, team, cut);
  const { medicalExaminations, onwardReferrals } = healthRecords(rng, exams, team, cut);
  const meetings = [planningMeeting(rng, basics, { planningAt, police: policePlan, exams, crisis }, { team, caseworkers }, cut)];
  const crisisSupport = crisisSupportRecords(rng, crisis, team, cut);
  const assessment = assessmentRecord(rng, basics, note, cut);
  const measures = new Measures(rng, cut);
  const parallel = parallelMeasure(rng, basics, { planningAt, draftedAt: note.draftedAt, closedAt: closing.closedAt }, measures, cut);
  const finalNote = finalNoteRecord(rng, basics, note, recommendationKinds, team, cut);
  const responses = recommendationResponses(rng, basics, finalNote, note.sentAt, { caseworkers, measures, parallel }, cut);
  const followUp = followUpMeeting(rng, closing, note.sentAt, { team, caseworkers, police }, cut);
  if (followUp) meetings.push(followUp);
  // Invited only those who take part in the course (e.g. not a physician whose examination is not booked yet).
  for (const m of meetings) m.participantSubs = m.participantSubs.filter((s, i, all) => team.participants.has(s) && all.indexOf(s) === i);
  const consultations = consultationRecords(rng, R, basics.full ? note.sentAt : closing.closedAt, police, cut);

  const closedAt = cut.isoOrNull(closing.closedAt);
  const status: CourseStatus = closedAt ? "CLOSED" : finalNote ? "FINAL_NOTE" : cut.happened(planningAt) ? "ACTIVE" : "REFERRED";
  // Drawn here, where the literal below drew it, so every other value stays as it was.
  const caseId = rng.uuid();
  const firstVisitAt = heldInterviewOr(policePlan, planningAt + days(7));
  const course = {
    caseId,
    region: basics.region,
    municipalityCode: basics.code,
    child,
    custodyHolders,
    notification: {
      id: rng.uuid(),
      receivedAt: iso(referral.notifiedAt),
      source: referral.source,
      concern: text.concernText(rng, referral.source, basics.abuseTypes),
      assessedAt: iso(referral.assessedAt),
    },
    childAssessment: { id: rng.uuid(), decidedAt: iso(referral.bfuDecidedAt), completedAt: cut.isoOrNull(referral.bfuCompletedAt) },
    referral: {
      id: rng.uuid(),
      referredAt: iso(referral.referredAt),
      suspicionOrKnowledge: true,
      childAssessmentDecided: true,
      otherSectorInvolved: policePlan.involved || exams.length > 0,
      abuseTypes: basics.abuseTypes,
      policeReportFiled: policePlan.involved && policePlan.earlyReport,
    },
    caseworkerAssignments: caseworkers.assignments,
    police,
    medicalExaminations,
    onwardReferrals,
    course: {
      type: basics.courseType,
      status,
      abuseTypes: [...basics.abuseTypes],
      burdenLevel: basics.burdenLevel,
      childAgeAtReferral: basics.age,
      referralReceivedAt: iso(R),
      closedAt,
    },
    participants: [...team.participants.values()],
    meetings,
    crisisSupport,
    assessment,
    finalNote,
    measures: measures.list,
    recommendationResponses: responses,
    consultations,
    surveys: surveyRecords(
      caseId,
      { referralReceivedAt: R, firstVisitAt, closedAt: closedAt === null ? null : closing.closedAt, childAge: basics.age },
      cut,
    ),
  };
  return { ...course, motivationRecords: motivationRecords(course, input.untilMs) };
}

/** Whole days between two ISO instants (for tests and analysts alike). */
export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / DAY;
}
