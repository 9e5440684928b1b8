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
import { cprSerial, formatCpr, nextCprSerial } from "./cpr.ts";
import { between, DAY, HOUR, iso, isoDate, workingSlot } from "./dates.ts";
import {
  ABUSE_COMBINATIONS,
  AGE_WEIGHTS,
  burdenWeights,
  CONSULTATION_COUNTS,
  CRISIS_SUPPORT_SHARE,
  CUSTODY_HOLDER_COUNTS,
  CUSTODY_OBJECTION_SHARE,
  caseworkerCountWeights,
  DECLINE_REASONS,
  EARLY_POLICE_REPORT_SHARE,
  examinationKinds,
  examinationShare,
  FINAL_NOTE_DAYS,
  FOLLOW_THROUGH,
  FOLLOW_UP_MEETING_SHARE,
  girlShare,
  INVESTIGATION_OUTCOMES,
  LATE_INTERVIEW_SHARE,
  ladderStep,
  MEASURE_FOR_RECOMMENDATION,
  MUNICIPALITY_TABLE,
  measureWithinSixMonthsProbability,
  NEGATIVE_OUTCOMES,
  NOTIFICATION_SOURCES,
  ONWARD_REFERRAL_SHARE,
  ONWARD_REFERRAL_TARGETS,
  PARALLEL_MEASURE_KINDS,
  PARALLEL_MEASURE_SHARE,
  policeReportShare,
  RECOMMENDATION_COUNTS,
  RECOMMENDATION_KINDS,
  RECOMMENDS_SUPPORT,
  SAMRAAD_ONLY_SHARE,
  suspectRelations,
  VIDEO_INTERVIEW_MAX_AGE,
  VIDEO_INTERVIEW_SHARE,
} from "./distributions.ts";
import type {
  Activity,
  CourseParticipant,
  CourseStatus,
  CustodyRelation,
  ExaminationKind,
  Gender,
  MeasureKind,
  RecommendationKind,
  Region,
  ResponseKind,
  SyntheticCourse,
} from "./model.ts";
import { adultName, childFirstName, surname } from "./names.ts";
import { forensicRegionFor, healthOrganisationFor, POLICE_DISTRICTS, policeDistrictFor } from "./organisations.ts";
import type { Random } from "./random.ts";
import { participantFor, randomStaff } from "./staff.ts";
import * as text from "./texts.ts";

type Course = SyntheticCourse;
type Sector4 = CourseParticipant["sector"];

export interface CourseInput {
  rng: Random;
  /** When the børnehus received the referral (epoch ms); must be <= untilMs. */
  referralReceivedAt: number;
  /** The world's "now" (epoch ms): nothing after it has happened. */
  untilMs: number;
  /** CPR numbers already used in this world; the new child's is added. */
  takenCprs?: Set<string>;
}

const days = (n: number) => n * DAY;

export function generateCourse(input: CourseInput): SyntheticCourse {
  const { rng, untilMs } = input;
  const R = input.referralReceivedAt;
  const happened = (t: number) => t <= untilMs;
  const isoOrNull = (t: number | null) => (t !== null && happened(t) ? iso(t) : null);

  // ------------------------------------------------------------------ who and what
  const municipality = MUNICIPALITY_TABLE.sample(rng);
  const code = municipality.code;
  const region: Region = municipality.region;
  const district = policeDistrictFor(code);

  const abuseTypes = [...rng.weighted(ABUSE_COMBINATIONS)];
  const burdenLevel = rng.weighted(burdenWeights(abuseTypes));
  const age = rng.weighted(AGE_WEIGHTS);
  const gender: Gender = rng.chance(girlShare(abuseTypes)) ? "GIRL" : "BOY";
  const courseType = rng.chance(SAMRAAD_ONLY_SHARE) ? "SAMRAAD_ONLY" : "FULL_COURSE";

  // ------------------------------------------------------------------ the child and the family
  const childLastName = surname(rng);
  const received = new Date(R);
  // The age-th birthday fell 1-364 days before the referral, so the age at referral is exact.
  const anniversary = Date.UTC(received.getUTCFullYear() - age, received.getUTCMonth(), received.getUTCDate());
  const birthDate = isoDate(anniversary - days(rng.int(1, 364)));
  const takenCprs = input.takenCprs;
  let serial = cprSerial(rng, Number(birthDate.slice(0, 4)), gender);
  let cpr = formatCpr(birthDate, serial);
  while (takenCprs?.has(cpr)) {
    serial = nextCprSerial(serial);
    cpr = formatCpr(birthDate, serial);
  }
  takenCprs?.add(cpr);
  const child = { id: rng.uuid(), cpr, firstName: childFirstName(rng, gender === "GIRL"), lastName: childLastName, birthDate, gender };

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
  const custodyHolders = relations.map((relation, i) => {
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

  // ------------------------------------------------------------------ plan: before the referral
  const referredAt = R - (rng.chance(0.7) ? rng.float(0, 4 * HOUR) : rng.float(4 * HOUR, days(3)));
  const lagDays = Math.min(60, Math.max(0.5, Math.exp(rng.normal(Math.log(6), 0.7))));
  const notifiedAt = referredAt - days(lagDays);
  const assessedAt = Math.min(referredAt, notifiedAt + (rng.chance(0.85) ? rng.float(0.5 * HOUR, 23 * HOUR) : rng.float(days(1), days(5))));
  const bfuDecidedAt = between(rng, assessedAt, referredAt);
  const bfuCompletedAt = bfuDecidedAt + days(rng.clampedNormal(110, 25, 45, 200));
  const source = rng.weighted(NOTIFICATION_SOURCES);

  // ------------------------------------------------------------------ plan: the samråd and the sectors
  const planningAt = workingSlot(rng, R + days(rng.clampedNormal(4, 2.5, 1, 21)));

  const policeInvolved = rng.chance(policeReportShare(abuseTypes));
  const earlyReport = rng.chance(EARLY_POLICE_REPORT_SHARE);
  const reportedAt = earlyReport ? between(rng, assessedAt, referredAt) : planningAt + rng.float(2 * HOUR, days(3));

  const wantsInterview = policeInvolved && age <= VIDEO_INTERVIEW_MAX_AGE && rng.chance(VIDEO_INTERVIEW_SHARE);
  const objection = wantsInterview && rng.chance(CUSTODY_OBJECTION_SHARE);
  if (objection) {
    const objector = rng.pick(custodyHolders);
    objector.objectsToVideoInterview = true;
  }
  const interviewBookedAt = Math.max(planningAt, reportedAt);
  const interviewDelay = rng.chance(LATE_INTERVIEW_SHARE) ? days(rng.float(14, 35)) : days(rng.clampedNormal(7, 2, 3, 12));
  const interviewAt = workingSlot(rng, Math.max(reportedAt + interviewDelay, planningAt + days(1)));

  // Examinations: acute forensic ones right after the referral, the rest once the samråd has met.
  // Without the police, health is the other sector the referral criteria require.
  const examKinds: ExaminationKind[] = [];
  if (rng.chance(examinationShare(abuseTypes))) {
    const first = rng.weighted(examinationKinds(abuseTypes));
    examKinds.push(first);
    if (rng.chance(0.2)) examKinds.push(first === "PEDIATRIC" ? "SOMATIC" : "PEDIATRIC");
  }
  if (!policeInvolved && examKinds.length === 0) examKinds.push("INITIAL_ASSESSMENT");
  const examPlans = examKinds.map((kind) => {
    const acute = kind === "FORENSIC" || kind === "INITIAL_ASSESSMENT";
    const createdAt = acute ? R : planningAt;
    const scheduledAt = workingSlot(rng, acute ? R + days(rng.float(0, 4)) : planningAt + days(rng.float(2, 30)));
    const hospitalRegion = kind === "FORENSIC" ? forensicRegionFor(region) : region;
    return { kind, createdAt, scheduledAt, hospitalRegion };
  });

  const crisisCount = rng.chance(CRISIS_SUPPORT_SHARE[courseType]) ? rng.int(1, 6) : 0;
  const crisisPlans: Array<{ at: number; recipient: "CHILD" | "CAREGIVER" }> = [];
  let crisisAt = Math.max(planningAt, wantsInterview && !objection ? interviewAt : planningAt) + days(rng.float(2, 10));
  for (let i = 0; i < crisisCount; i++) {
    crisisAt = workingSlot(rng, crisisAt);
    crisisPlans.push({ at: crisisAt, recipient: rng.chance(0.6) ? "CHILD" : "CAREGIVER" });
    crisisAt += days(rng.float(5, 21));
  }

  // ------------------------------------------------------------------ plan: assessment and final note
  const full = courseType === "FULL_COURSE";
  const draftedAt = workingSlot(
    rng,
    R + days(rng.clampedNormal(FINAL_NOTE_DAYS.mean, FINAL_NOTE_DAYS.sd, FINAL_NOTE_DAYS.min, FINAL_NOTE_DAYS.max)),
  );
  const assessmentCompletedAt = Math.min(workingSlot(rng, draftedAt - days(rng.int(3, 14))), draftedAt - HOUR);
  const assessmentBase = wantsInterview && !objection ? Math.max(planningAt, interviewAt) : planningAt;
  const assessmentStartedAt = Math.min(workingSlot(rng, assessmentBase + days(rng.float(7, 45))), assessmentCompletedAt - days(20));
  const signedAt = workingSlot(rng, draftedAt + days(rng.float(2, 14)));
  // Sent the same day as signed, or with the next working day's post.
  const sentAt = rng.chance(0.6) ? signedAt + rng.float(0, 2 * HOUR) : workingSlot(rng, signedAt + days(1));

  const recommendationKinds: RecommendationKind[] = [];
  if (full && rng.chance(RECOMMENDS_SUPPORT[burdenLevel])) {
    const count = rng.weighted(RECOMMENDATION_COUNTS);
    for (let tries = 0; recommendationKinds.length < count && tries < 20; tries++) {
      const kind = rng.weighted(RECOMMENDATION_KINDS[burdenLevel]);
      if (!recommendationKinds.includes(kind)) recommendationKinds.push(kind);
    }
  }

  const hasFollowUp = full && rng.chance(FOLLOW_UP_MEETING_SHARE);
  const followUpAt = workingSlot(rng, sentAt + days(rng.float(30, 75)));
  const followUpCancelled = hasFollowUp && rng.chance(0.05);
  const lastSamraadOnlyEvent = Math.max(
    planningAt,
    wantsInterview ? interviewAt : planningAt,
    ...examPlans.map((e) => e.scheduledAt),
    ...crisisPlans.map((c) => c.at),
  );
  const closedAtPlanned = full
    ? hasFollowUp && !followUpCancelled
      ? followUpAt + rng.float(0, days(3))
      : Math.max(sentAt, hasFollowUp ? followUpAt : sentAt) + days(rng.float(14, 30))
    : lastSamraadOnlyEvent + days(rng.float(7, 30));

  // ------------------------------------------------------------------ caseworkers
  // The planned number of caseworkers; changes that fall after `until` have not happened yet.
  const plannedCaseworkers = rng.weighted(caseworkerCountWeights(code));
  const changeWindowStart = notifiedAt + days(7);
  const changeWindowEnd = closedAtPlanned - days(3);
  const changes: number[] = [];
  if (changeWindowEnd - changeWindowStart > days(5)) {
    for (let i = 1; i < plannedCaseworkers; i++) changes.push(between(rng, changeWindowStart, changeWindowEnd));
    changes.sort((a, b) => a - b);
  }
  const pastChanges = changes.filter(happened);
  // The current caseworker is the persona where there is one (0101, 0147); earlier ones are staff.
  const current = participantFor(rng, "cw", code, code);
  const chain: CourseParticipant[] = [current];
  while (chain.length < pastChanges.length + 1) {
    const next = chain[0] as CourseParticipant;
    let earlier = randomStaff(rng, "cw", code);
    for (let t = 0; t < 5 && earlier.sub === next.sub; t++) earlier = randomStaff(rng, "cw", code);
    chain.unshift(earlier);
  }
  const caseworkerAssignments = chain.map((cw, i) => ({
    id: rng.uuid(),
    caseworkerSub: cw.sub,
    caseworkerName: cw.name,
    from: iso(i === 0 ? notifiedAt : (pastChanges[i - 1] as number)),
    to: i < pastChanges.length ? iso(pastChanges[i] as number) : null,
  }));
  const caseworkerAt = (t: number): CourseParticipant => {
    let k = 0;
    while (k < pastChanges.length && (pastChanges[k] as number) <= t) k++;
    return chain[k] as CourseParticipant;
  };

  // ------------------------------------------------------------------ participants
  const participants = new Map<string, CourseParticipant>();
  const join = (p: CourseParticipant) => {
    participants.set(p.sub, p);
    return p;
  };
  for (const cw of chain) join(cw);
  const coordinator = join(participantFor(rng, "coord", region, code));
  const psychologist = join(participantFor(rng, "psy", region, code));
  const investigator = participantFor(rng, "inv", district.code, code);
  const physicians = new Map<Region, CourseParticipant>();
  const physicianFor = (hospitalRegion: Region) => {
    let p = physicians.get(hospitalRegion);
    if (!p) {
      p = participantFor(rng, "phys", healthOrganisationFor(hospitalRegion), code);
      physicians.set(hospitalRegion, p);
    }
    return p;
  };

  // ------------------------------------------------------------------ cut at `until`: police
  let police: Course["police"] = null;
  const interviewHeld = wantsInterview && !objection && happened(interviewAt) && happened(interviewBookedAt);
  if (policeInvolved && happened(reportedAt)) {
    join(investigator);
    const decisionBase = interviewHeld ? interviewAt : reportedAt;
    const decidedAtPlanned = decisionBase + days(rng.clampedNormal(90, 40, 20, 300));
    const outcome = rng.weighted(INVESTIGATION_OUTCOMES);
    const districtNo = String(POLICE_DISTRICTS.indexOf(district) + 1).padStart(2, "0");
    const observers: Sector4[] = [];
    if (rng.chance(0.85)) observers.push("MUNICIPALITY");
    if (rng.chance(0.9) || observers.length === 0) observers.push("BOERNEHUS");
    if (rng.chance(0.1)) observers.push("HEALTH");
    police = {
      reportId: rng.uuid(),
      journalNumber: `${districtNo}00-${rng.int(70000, 79999)}-${String(rng.int(1, 99999)).padStart(5, "0")}-${isoDate(reportedAt).slice(2, 4)}`,
      district: district.code,
      reportedAt: iso(reportedAt),
      investigationStatus: happened(decidedAtPlanned) ? outcome : "OPEN",
      decidedAt: isoOrNull(decidedAtPlanned),
      suspect: { id: rng.uuid(), name: adultName(rng), relation: rng.weighted(suspectRelations(abuseTypes)) },
      videoInterview:
        wantsInterview && happened(interviewBookedAt)
          ? {
              id: rng.uuid(),
              scheduledAt: iso(interviewAt),
              heldAt: interviewHeld ? iso(interviewAt) : null,
              status: objection ? "CANCELLED" : interviewHeld ? "HELD" : "BOOKED",
              interviewerName: investigator.name,
              observers,
            }
          : null,
    };
  }

  // ------------------------------------------------------------------ health
  const medicalExaminations: Course["medicalExaminations"] = [];
  const onwardReferrals: Course["onwardReferrals"] = [];
  for (const plan of examPlans) {
    if (!happened(plan.createdAt)) continue;
    const physician = join(physicianFor(plan.hospitalRegion));
    const performed = happened(plan.scheduledAt);
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
      if (happened(at))
        onwardReferrals.push({ id: rng.uuid(), examinationId: id, target: rng.weighted(ONWARD_REFERRAL_TARGETS), referredAt: iso(at) });
    }
  }

  // ------------------------------------------------------------------ samråd meetings
  const meetings: Course["meetings"] = [];
  {
    const held = happened(planningAt);
    const activities: Activity[] = [];
    if (wantsInterview) activities.push("VIDEO_INTERVIEW");
    if (examPlans.some((e) => e.createdAt === planningAt)) activities.push("MEDICAL_EXAMINATION");
    if (crisisCount > 0) activities.push("CRISIS_SUPPORT");
    if (full) activities.push("ASSESSMENT");
    if (burdenLevel === "HIGH" && rng.chance(0.5)) activities.push("SAFETY_PLAN");
    if (policeInvolved && !earlyReport) activities.push("POLICE_REPORT");
    if (rng.chance(0.2)) activities.push("OTHER");
    const responsible: Record<Activity, Sector4> = {
      VIDEO_INTERVIEW: "POLICE",
      MEDICAL_EXAMINATION: "HEALTH",
      CRISIS_SUPPORT: "BOERNEHUS",
      ASSESSMENT: "BOERNEHUS",
      SAFETY_PLAN: "MUNICIPALITY",
      POLICE_REPORT: "MUNICIPALITY",
      OTHER: "MUNICIPALITY",
    };
    const subs = [caseworkerAt(planningAt).sub, coordinator.sub, psychologist.sub];
    if (policeInvolved && earlyReport && happened(reportedAt)) subs.push(investigator.sub);
    const firstExam = examPlans[0];
    if (firstExam && happened(firstExam.createdAt) && rng.chance(0.6)) subs.push(physicianFor(firstExam.hospitalRegion).sub);
    const decisions = held
      ? activities.map((activity) => ({
          id: rng.uuid(),
          activity,
          decision: text.decisionText(rng, activity),
          responsibleSector: responsible[activity],
        }))
      : [];
    const actionItems = decisions.map((d) => {
      const dueAt = workingSlot(rng, planningAt + days(rng.float(3, 21)));
      const cancelled = d.activity === "VIDEO_INTERVIEW" && objection;
      const completedAt = workingSlot(rng, planningAt + rng.float(HOUR, dueAt - planningAt + days(5)));
      const done = !cancelled && happened(completedAt);
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
    meetings.push({
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
    });
  }

  // ------------------------------------------------------------------ crisis support, assessment
  const crisisSupport = crisisPlans
    .filter((c) => happened(c.at))
    .map((c) => ({
      id: rng.uuid(),
      recipient: c.recipient,
      heldAt: iso(c.at),
      counsellorName: psychologist.name,
      notes: text.crisisNotes(rng, c.recipient),
    }));

  const assessment: Course["assessment"] =
    full && happened(assessmentStartedAt)
      ? {
          id: rng.uuid(),
          startedAt: iso(assessmentStartedAt),
          completedAt: isoOrNull(assessmentCompletedAt),
          summary: text.assessmentSummary(rng, burdenLevel),
        }
      : null;

  // ------------------------------------------------------------------ measures started during the course
  const measures: Course["measures"] = [];
  const addMeasure = (kind: MeasureKind, decidedAt: number, startedAt: number) => {
    const m = { id: rng.uuid(), kind, ladderStep: ladderStep(kind), decidedAt: iso(decidedAt), startedAt: isoOrNull(startedAt) };
    measures.push(m);
    return m;
  };
  let parallel: { id: string } | null = null;
  if (rng.chance(PARALLEL_MEASURE_SHARE[burdenLevel])) {
    const end = full ? draftedAt - days(7) : closedAtPlanned;
    const decidedAt = workingSlot(rng, between(rng, planningAt + days(3), Math.max(planningAt + days(4), end)));
    const startedAt = workingSlot(rng, decidedAt + days(rng.float(0, 30)));
    if (happened(decidedAt)) parallel = { id: addMeasure(rng.weighted(PARALLEL_MEASURE_KINDS), decidedAt, startedAt).id };
  }

  // ------------------------------------------------------------------ final note, responses
  let finalNote: Course["finalNote"] = null;
  const recommendationResponses: Course["recommendationResponses"] = [];
  if (full && happened(draftedAt)) {
    const recommendations = recommendationKinds.map((kind) => ({
      id: rng.uuid(),
      kind,
      description: text.recommendationDescription(rng, kind),
    }));
    const status = happened(sentAt) ? "SENT" : happened(signedAt) ? "SIGNED" : "DRAFT";
    finalNote = {
      id: rng.uuid(),
      status,
      text: text.finalNoteText(rng, burdenLevel, recommendations.length),
      draftedAt: iso(draftedAt),
      signedAt: isoOrNull(signedAt),
      signedBy: happened(signedAt) ? coordinator.sub : null,
      sentAt: isoOrNull(sentAt),
      recommendations,
    };

    if (status === "SENT" && recommendations.length > 0) {
      // The course's outcome first (seed 000's 67% / 76%), then one response per recommendation.
      const pMeasure = measureWithinSixMonthsProbability(code, abuseTypes, burdenLevel);
      const u = rng.next();
      const outcome = u < pMeasure ? "MEASURE" : u < pMeasure + FOLLOW_THROUGH.otherSupportOnly ? "OTHER_SUPPORT" : "NEGATIVE";
      const lead = rng.int(0, recommendations.length - 1);

      type Answer = ResponseKind | "UNANSWERED" | "LATE_MEASURE";
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
        const negative = rng.weighted(NEGATIVE_OUTCOMES);
        return negative;
      };

      recommendations.forEach((rec, i) => {
        const answer = answerFor(i);
        if (answer === "UNANSWERED") return;
        const late = answer === "LATE_MEASURE";
        const respondedAt = workingSlot(rng, sentAt + days(late ? rng.float(60, 150) : rng.float(5, answer === "DECLINED" ? 90 : 60)));
        if (!happened(respondedAt)) return;
        let measureId: string | null = null;
        if (answer === "MEASURE" || late) {
          if (!late && i === lead && parallel && rng.chance(0.4)) {
            measureId = parallel.id; // the support already running continues
          } else {
            const startedAt = workingSlot(rng, late ? sentAt + days(rng.float(190, 320)) : respondedAt + days(rng.float(0, 90)));
            measureId = addMeasure(rng.weighted(MEASURE_FOR_RECOMMENDATION[rec.kind]), respondedAt, startedAt).id;
          }
        }
        recommendationResponses.push({
          id: rng.uuid(),
          recommendationId: rec.id,
          response: late ? "MEASURE" : answer,
          measureId,
          otherSupport: answer === "OTHER_SUPPORT" ? text.otherSupportText(rng) : null,
          declineReason: answer === "DECLINED" ? rng.weighted(DECLINE_REASONS) : null,
          respondedAt: iso(respondedAt),
          respondedBySub: caseworkerAt(respondedAt).sub,
        });
      });
    }
  }

  // ------------------------------------------------------------------ follow-up samråd
  if (hasFollowUp && happened(sentAt)) {
    const held = !followUpCancelled && happened(followUpAt);
    const subs = [caseworkerAt(followUpAt).sub, coordinator.sub, psychologist.sub];
    if (police && rng.chance(0.5)) subs.push(investigator.sub);
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
      const done = happened(completedAt);
      return {
        id: rng.uuid(),
        title: "Kommunen melder tilbage om opfølgning på anbefalingerne",
        owningSector: "MUNICIPALITY" as const,
        dueAt: iso(dueAt),
        status: done ? ("DONE" as const) : ("OPEN" as const),
        completedAt: done ? iso(completedAt) : null,
      };
    });
    meetings.push({
      id: rng.uuid(),
      kind: "FOLLOW_UP",
      status: followUpCancelled && happened(followUpAt) ? "CANCELLED" : held ? "HELD" : "PLANNED",
      scheduledAt: iso(followUpAt),
      heldAt: held ? iso(followUpAt) : null,
      agenda: text.meetingAgenda("FOLLOW_UP", []),
      minutes: held ? text.meetingMinutes(rng, "FOLLOW_UP") : null,
      participantSubs: subs,
      decisions,
      actionItems,
    });
  }
  // Invited only those who take part in the course (e.g. not a physician whose examination is not booked yet).
  for (const m of meetings) m.participantSubs = m.participantSubs.filter((s, i, all) => participants.has(s) && all.indexOf(s) === i);

  // ------------------------------------------------------------------ running consultations
  const consultations: Course["consultations"] = [];
  const consultationCount = rng.weighted(CONSULTATION_COUNTS);
  const consultationEnd = full ? sentAt : closedAtPlanned;
  for (let i = 0; i < consultationCount; i++) {
    const at = workingSlot(rng, between(rng, R + days(7), consultationEnd));
    if (!happened(at) || at > consultationEnd) continue;
    const withSector = police && rng.chance(0.25) ? "POLICE" : "BOERNEHUS";
    consultations.push({ id: rng.uuid(), heldAt: iso(at), withSector, summary: text.consultationSummary(rng, withSector) });
  }
  consultations.sort((a, b) => a.heldAt.localeCompare(b.heldAt));

  // ------------------------------------------------------------------ course status
  const closedAt = isoOrNull(closedAtPlanned);
  const status: CourseStatus = closedAt ? "CLOSED" : finalNote ? "FINAL_NOTE" : happened(planningAt) ? "ACTIVE" : "REFERRED";

  return {
    caseId: rng.uuid(),
    region,
    municipalityCode: code,
    child,
    custodyHolders,
    notification: {
      id: rng.uuid(),
      receivedAt: iso(notifiedAt),
      source,
      concern: text.concernText(rng, source, abuseTypes),
      assessedAt: iso(assessedAt),
    },
    childAssessment: { id: rng.uuid(), decidedAt: iso(bfuDecidedAt), completedAt: isoOrNull(bfuCompletedAt) },
    referral: {
      id: rng.uuid(),
      referredAt: iso(referredAt),
      suspicionOrKnowledge: true,
      childAssessmentDecided: true,
      otherSectorInvolved: policeInvolved || examPlans.length > 0,
      abuseTypes,
      policeReportFiled: policeInvolved && earlyReport,
    },
    caseworkerAssignments,
    police,
    medicalExaminations,
    onwardReferrals,
    course: {
      type: courseType,
      status,
      abuseTypes: [...abuseTypes],
      burdenLevel,
      childAgeAtReferral: age,
      referralReceivedAt: iso(R),
      closedAt,
    },
    participants: [...participants.values()],
    meetings,
    crisisSupport,
    assessment,
    finalNote,
    measures,
    recommendationResponses,
    consultations,
  };
}

/** Whole days between two ISO instants (for tests and analysts alike). */
export function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / DAY;
}
