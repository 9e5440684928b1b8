/**
 * Checks shared by the tests: the date order of one course, the way a reader of the
 * data would expect it. Returns human-readable violations (empty when the course is sound).
 */
import type { SyntheticCourse } from "../src/model.ts";

export function courseViolations(c: SyntheticCourse, until: string): string[] {
  const out: string[] = [];
  const t = (v: string) => Date.parse(v);
  const untilMs = t(until);
  const le = (a: string | null | undefined, b: string | null | undefined, what: string) => {
    if (a && b && t(a) > t(b)) out.push(`${c.caseId}: ${what} (${a} > ${b})`);
  };
  const past = (a: string | null | undefined, what: string) => {
    if (a && t(a) > untilMs) out.push(`${c.caseId}: ${what} after until (${a})`);
  };

  const received = c.course.referralReceivedAt;
  le(c.notification.receivedAt, c.notification.assessedAt, "notification received <= assessed");
  le(c.notification.assessedAt, c.referral.referredAt, "assessed <= referred");
  le(c.referral.referredAt, received, "referred <= referral received");
  le(c.notification.receivedAt, c.childAssessment.decidedAt, "notification <= BFU decided");
  le(c.childAssessment.decidedAt, c.referral.referredAt, "BFU decided <= referred");
  le(c.childAssessment.decidedAt, c.childAssessment.completedAt, "BFU decided <= completed");
  if (t(c.child.birthDate) >= t(received)) out.push(`${c.caseId}: born after referral`);

  const planning = c.meetings.find((m) => m.kind === "PLANNING");
  if (!planning) out.push(`${c.caseId}: no planning meeting`);
  le(received, planning?.scheduledAt, "referral received <= planning samråd");

  if (c.police) {
    le(c.notification.receivedAt, c.police.reportedAt, "notification <= police report");
    if (c.referral.policeReportFiled) le(c.police.reportedAt, c.referral.referredAt, "filed report <= referral");
    le(c.police.reportedAt, c.police.decidedAt, "report <= investigation decision");
    const vi = c.police.videoInterview;
    if (vi) {
      le(c.police.reportedAt, vi.scheduledAt, "report <= interview");
      le(planning?.scheduledAt, vi.scheduledAt, "planning samråd <= interview");
      if (vi.status === "HELD" && vi.heldAt !== vi.scheduledAt) out.push(`${c.caseId}: interview held at another time`);
      if (vi.status !== "HELD" && vi.heldAt !== null) out.push(`${c.caseId}: unheld interview has heldAt`);
      if (c.course.childAgeAtReferral >= 15) out.push(`${c.caseId}: video interview for a child aged 15+`);
      if ((vi.status === "CANCELLED") !== c.custodyHolders.some((h) => h.objectsToVideoInterview))
        out.push(`${c.caseId}: cancelled interview iff custody objection`);
    }
  } else if (c.referral.policeReportFiled) out.push(`${c.caseId}: report filed but no police part`);

  for (const e of c.medicalExaminations) {
    le(received, e.scheduledAt, "referral received <= examination");
    if (e.performedAt) le(e.scheduledAt, e.performedAt, "examination scheduled <= performed");
    if (!e.performedAt && (e.findingsSummary || e.clinicalDetails)) out.push(`${c.caseId}: findings without examination`);
  }
  for (const o of c.onwardReferrals) {
    const e = c.medicalExaminations.find((x) => x.id === o.examinationId);
    if (!e?.performedAt) out.push(`${c.caseId}: onward referral without performed examination`);
    le(e?.performedAt, o.referredAt, "examination <= onward referral");
  }
  for (const s of c.crisisSupport) le(planning?.scheduledAt, s.heldAt, "planning samråd <= crisis support");

  if (c.assessment) {
    le(planning?.scheduledAt, c.assessment.startedAt, "planning samråd <= assessment");
    le(c.assessment.startedAt, c.assessment.completedAt, "assessment started <= completed");
  }
  const note = c.finalNote;
  if (note) {
    le(c.assessment?.completedAt, note.draftedAt, "assessment completed <= final note drafted");
    le(received, note.draftedAt, "referral received <= final note");
    le(note.draftedAt, note.signedAt, "drafted <= signed");
    le(note.signedAt, note.sentAt, "signed <= sent");
    const expected = note.sentAt ? "SENT" : note.signedAt ? "SIGNED" : "DRAFT";
    if (note.status !== expected) out.push(`${c.caseId}: final note status ${note.status}, expected ${expected}`);
    if (c.course.type !== "FULL_COURSE") out.push(`${c.caseId}: final note on a samråd-only course`);
  }
  for (const r of c.recommendationResponses) {
    le(note?.sentAt, r.respondedAt, "final note sent <= response");
    if (!note?.sentAt) out.push(`${c.caseId}: response to an unsent note`);
    if (!note?.recommendations.some((x) => x.id === r.recommendationId)) out.push(`${c.caseId}: response to unknown recommendation`);
    if ((r.response === "MEASURE") !== (r.measureId !== null)) out.push(`${c.caseId}: measureId iff MEASURE`);
    if ((r.response === "DECLINED") !== (r.declineReason !== null)) out.push(`${c.caseId}: declineReason iff DECLINED`);
    if (r.measureId && !c.measures.some((m) => m.id === r.measureId)) out.push(`${c.caseId}: response to unknown measure`);
  }
  for (const m of c.measures) {
    le(received, m.decidedAt, "referral received <= measure decided");
    le(m.decidedAt, m.startedAt, "measure decided <= started");
    if (m.ladderStep < 1 || m.ladderStep > 7) out.push(`${c.caseId}: ladder step ${m.ladderStep}`);
  }
  const followUp = c.meetings.find((m) => m.kind === "FOLLOW_UP");
  if (followUp) le(note?.sentAt, followUp.scheduledAt, "final note sent <= follow-up samråd");
  for (const m of c.meetings) {
    if ((m.status === "HELD") !== (m.heldAt !== null)) out.push(`${c.caseId}: heldAt iff HELD`);
    if (m.status === "PLANNED" && t(m.scheduledAt) <= untilMs) out.push(`${c.caseId}: PLANNED meeting in the past`);
    for (const a of m.actionItems) {
      le(m.scheduledAt, a.completedAt, "meeting <= action item completed");
      if ((a.status === "DONE") !== (a.completedAt !== null)) out.push(`${c.caseId}: completedAt iff DONE`);
    }
  }
  if (c.course.closedAt) {
    le(received, c.course.closedAt, "referral received <= closed");
    le(note?.sentAt, c.course.closedAt, "final note sent <= closed");
    if (followUp?.heldAt) le(followUp.heldAt, c.course.closedAt, "follow-up held <= closed");
  }
  for (const x of c.consultations) le(received, x.heldAt, "referral received <= consultation");

  // Caseworker assignments tile time from the notification on.
  const a = c.caseworkerAssignments;
  if (a.length === 0) out.push(`${c.caseId}: no caseworker`);
  if (a[0] && a[0].from !== c.notification.receivedAt) out.push(`${c.caseId}: first caseworker not from the notification`);
  a.forEach((x, i) => {
    const next = a[i + 1];
    if (next ? x.to !== next.from : x.to !== null) out.push(`${c.caseId}: caseworker assignments not contiguous`);
    le(x.from, x.to, "assignment from <= to");
  });

  // Nothing has happened after `until`.
  for (const v of [
    c.notification.receivedAt,
    c.notification.assessedAt,
    c.childAssessment.completedAt,
    c.referral.referredAt,
    received,
    c.course.closedAt,
    c.police?.reportedAt,
    c.police?.decidedAt,
    c.police?.videoInterview?.heldAt,
    c.assessment?.startedAt,
    c.assessment?.completedAt,
    note?.draftedAt,
    note?.signedAt,
    note?.sentAt,
    ...c.medicalExaminations.map((e) => e.performedAt),
    ...c.onwardReferrals.map((o) => o.referredAt),
    ...c.crisisSupport.map((s) => s.heldAt),
    ...c.meetings.map((m) => m.heldAt),
    ...c.meetings.flatMap((m) => m.actionItems.map((x) => x.completedAt)),
    ...c.measures.flatMap((m) => [m.decidedAt, m.startedAt]),
    ...c.recommendationResponses.map((r) => r.respondedAt),
    ...c.consultations.map((x) => x.heldAt),
    ...a.map((x) => x.from),
  ])
    past(v, "event");

  // Status follows the flow.
  const expectedStatus = c.course.closedAt ? "CLOSED" : note ? "FINAL_NOTE" : planning?.status === "HELD" ? "ACTIVE" : "REFERRED";
  if (c.course.status !== expectedStatus) out.push(`${c.caseId}: status ${c.course.status}, expected ${expectedStatus}`);

  // Meeting participants take part in the course.
  const subs = new Set(c.participants.map((p) => p.sub));
  for (const m of c.meetings)
    for (const s of m.participantSubs) if (!subs.has(s)) out.push(`${c.caseId}: meeting participant ${s} not a course participant`);
  for (const x of a) if (!subs.has(x.caseworkerSub)) out.push(`${c.caseId}: caseworker ${x.caseworkerSub} not a participant`);
  for (const r of c.recommendationResponses) if (!subs.has(r.respondedBySub)) out.push(`${c.caseId}: responder not a participant`);
  return out;
}

/** Follow-through as an analyst computes it (seed 000): only notes sent at least 183 days before `until`. */
export function followThrough(courses: readonly SyntheticCourse[], until: string) {
  const DAY = 86_400_000;
  const untilMs = Date.parse(until);
  const base = courses.filter(
    (c) =>
      c.finalNote?.status === "SENT" &&
      c.finalNote.sentAt &&
      c.finalNote.recommendations.length > 0 &&
      Date.parse(c.finalNote.sentAt) <= untilMs - 183 * DAY,
  );
  const timelyMeasure = (c: SyntheticCourse) => {
    const sentAt = Date.parse(c.finalNote?.sentAt ?? "");
    return c.recommendationResponses.some((r) => {
      if (r.response !== "MEASURE") return false;
      const m = c.measures.find((x) => x.id === r.measureId);
      return m?.startedAt != null && Date.parse(m.startedAt) - sentAt <= 183 * DAY;
    });
  };
  const otherSupport = (c: SyntheticCourse) => c.recommendationResponses.some((r) => r.response === "OTHER_SUPPORT");
  // The difference between the two shares, by the kind of the earliest other support.
  const otherOnly = base.filter((c) => !timelyMeasure(c) && otherSupport(c));
  const kindOf = (c: SyntheticCourse) =>
    c.recommendationResponses
      .filter((r) => r.response === "OTHER_SUPPORT")
      .sort((a, b) => Date.parse(a.respondedAt) - Date.parse(b.respondedAt))[0]?.otherSupportKind;
  const otherSupportOnlyByKind = Object.fromEntries(
    (["ALONGSIDE_COURSE", "EARLY_PREVENTIVE", "PRIVATE_TREATMENT"] as const).map((k) => [
      k,
      otherOnly.filter((c) => kindOf(c) === k).length / base.length,
    ]),
  );
  return {
    otherSupportOnlyShare: otherOnly.length / base.length,
    otherSupportOnlyByKind,
    courses: base.length,
    measureShare: base.filter(timelyMeasure).length / base.length,
    withOtherSupportShare: base.filter((c) => timelyMeasure(c) || otherSupport(c)).length / base.length,
  };
}
