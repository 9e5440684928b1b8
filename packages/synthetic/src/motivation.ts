/**
 * The child's and the family's motivation to accept support at the four set points (issue 23),
 * drawn so the demo and the statistics show what the national analysis (000_*.txt) describes:
 * motivation under pressure after a long, tiring course with many professionals, lowest where
 * the family later declines the support for lack of motivation.
 *
 * Drawn from its own random stream (the course's id), after the course: adding it changed
 * nothing else of the world.
 */
import type { MotivationBarrier, MotivationLevel, MotivationSetPoint } from "@samraad/access/vocabulary";
import { DAY, HOUR, iso } from "./dates.ts";
import type { SyntheticCourse } from "./model.ts";
import { hashString, Random } from "./random.ts";

export type MotivationRecord = NonNullable<SyntheticCourse["motivationRecords"]>[number];

const OTHER_BARRIERS = ["Familien er flyttet", "Sprogbarrierer i familien", "Barnet vil ikke tale om det", "Travlhed med skifte af skole"];
/** How far after the note the municipality's follow-up looks (docs/indicators.md: six months are 183 days). */
const FOLLOW_UP_DAYS = 183;

export function motivationRecords(course: Omit<SyntheticCourse, "motivationRecords">, untilMs: number): MotivationRecord[] {
  const rng = new Random(hashString(`motivation:${course.caseId}`));
  const declinedForMotivation = course.recommendationResponses.some((r) => r.declineReason === "FAMILY_MOTIVATION");
  const gotMeasure = course.recommendationResponses.some((r) => r.response === "MEASURE");
  const referralMs = Date.parse(course.course.referralReceivedAt);
  const longCourse = course.finalNote?.sentAt ? Date.parse(course.finalNote.sentAt) - referralMs > 150 * DAY : false;
  const manyProfessionals = course.participants.length > 5;
  const coordinator = course.participants.find((p) => p.sector === "BOERNEHUS" && p.role === "coordinator");
  const caseworkerAt = (ms: number) =>
    course.caseworkerAssignments.findLast((a) => Date.parse(a.from) <= ms) ?? course.caseworkerAssignments[0];

  /** 0 (starts well) … later set points wear down, and more so where the family declines. */
  const level = (stage: number, who: "child" | "family"): MotivationLevel => {
    const pressure = stage * 0.12 + (declinedForMotivation ? 0.45 : 0) + (who === "family" && !gotMeasure ? 0.1 : 0);
    return rng.weighted<MotivationLevel>([
      ["HIGH", Math.max(0.05, 0.55 - pressure)],
      ["MIXED", 0.3],
      ["LOW", 0.08 + pressure],
      ["UNKNOWN", who === "child" ? 0.07 : 0.03],
    ]);
  };
  const records: MotivationRecord[] = [];
  const add = (setPoint: MotivationSetPoint, stage: number, atMs: number | null, by: { sub: string; name: string } | undefined) => {
    if (atMs === null || atMs > untilMs || !by || !rng.chance(0.85)) return;
    const childMotivation = level(stage, "child");
    const familyMotivation = level(stage, "family");
    const barriers: MotivationBarrier[] = [];
    if (stage > 0 && longCourse && rng.chance(0.6)) barriers.push("LONG_COURSE");
    if (manyProfessionals && rng.chance(0.35)) barriers.push("TOO_MANY_PROFESSIONALS");
    if (familyMotivation === "LOW" && rng.chance(0.7)) barriers.push("PARENTAL_RESISTANCE");
    const other = rng.chance(0.06);
    if (other) barriers.push("OTHER");
    records.push({
      id: rng.uuid(),
      setPoint,
      childMotivation,
      familyMotivation,
      barriers,
      otherBarrier: other ? (OTHER_BARRIERS[rng.int(0, OTHER_BARRIERS.length - 1)] as string) : null,
      recordedAt: iso(atMs),
      recordedBySub: by.sub,
      recordedByName: by.name,
    });
  };
  const planning = course.meetings.find((m) => m.kind === "PLANNING" && m.heldAt);
  add("PLANNING_SAMRAAD", 0, planning?.heldAt ? Date.parse(planning.heldAt) + 2 * HOUR : null, coordinator);
  add("FINAL_NOTE", 1, course.finalNote ? Date.parse(course.finalNote.draftedAt) : null, coordinator);
  const firstAnswer = course.recommendationResponses.map((r) => Date.parse(r.respondedAt)).sort((a, b) => a - b)[0];
  if (firstAnswer !== undefined) {
    const answeredBy = caseworkerAt(firstAnswer);
    add("RECOMMENDATION_RESPONSE", 2, firstAnswer, answeredBy && { sub: answeredBy.caseworkerSub, name: answeredBy.caseworkerName });
    const sentAt = course.finalNote?.sentAt ? Date.parse(course.finalNote.sentAt) : null;
    const followUpAt = sentAt === null ? null : Math.max(sentAt + FOLLOW_UP_DAYS * DAY, firstAnswer + DAY);
    const followedBy = followUpAt === null ? undefined : caseworkerAt(followUpAt);
    add("FOLLOW_UP", 3, followUpAt, followedBy && { sub: followedBy.caseworkerSub, name: followedBy.caseworkerName });
  }
  return records;
}

/**
 * The motivation records of these courses at the set points one sector owns, as that sector's
 * rows (each sector keeps its own: the børnehus the planning samråd and the final note, the
 * municipality its answer and the follow-up).
 */
export function motivationRowsAt<S extends MotivationRecord["setPoint"]>(
  courses: readonly SyntheticCourse[],
  setPoints: readonly S[],
): Array<Omit<MotivationRecord, "setPoint" | "recordedAt"> & { caseId: string; setPoint: S; recordedAt: Date }> {
  const owned = (r: MotivationRecord): r is MotivationRecord & { setPoint: S } => (setPoints as readonly string[]).includes(r.setPoint);
  return courses.flatMap((c) =>
    (c.motivationRecords ?? []).filter(owned).map((r) => ({ ...r, caseId: c.caseId, recordedAt: new Date(r.recordedAt) })),
  );
}
