import type { Principal } from "@samraad/access";
import type { validateMotivation } from "@samraad/subgraph-kit";
import type { MotivationCaseState } from "../domain/motivation.ts";
import type { Tx } from "./find.ts";
import type { CaseRow, MotivationRecordRow } from "./rows.ts";

type OwnSetPoint = MotivationRecordRow["setPoint"];
const isOwn = (setPoint: string): setPoint is OwnSetPoint => setPoint === "PLANNING_SAMRAAD" || setPoint === "FINAL_NOTE";

/** The case's state the børnehus's motivation set points depend on (inside the write's transaction, the case locked: find.ts). */
export async function motivationCaseState(tx: Tx, course: CaseRow, setPoint: string): Promise<MotivationCaseState> {
  const caseId = course.id;
  const [planning, note, existing] = await Promise.all([
    tx.samraadMeeting.count({ where: { caseId, kind: "PLANNING", status: { not: "CANCELLED" } } }),
    tx.finalNote.count({ where: { caseId } }),
    isOwn(setPoint) ? tx.motivationRecord.findUnique({ where: { caseId_setPoint: { caseId, setPoint } } }) : null,
  ]);
  return { hasPlanningSamraad: planning > 0, hasFinalNote: note > 0, existing };
}

/** Creates the set point's record, or replaces it: the domain rule checked the version it replaces. */
export async function saveMotivation(
  tx: Tx,
  course: CaseRow,
  { fields, version }: ReturnType<typeof validateMotivation>,
  by: Principal,
  at: Date,
): Promise<MotivationRecordRow> {
  const caseId = course.id;
  const { setPoint, ...rest } = fields;
  if (!isOwn(setPoint)) throw new Error(`not the børnehus's set point: ${setPoint}`);
  const data = { ...rest, barriers: [...rest.barriers], recordedAt: at, recordedBySub: by.sub, recordedByName: by.name, version };
  // The unique (caseId, setPoint) and the version in the update's filter back the check against
  // a concurrent write (P2002 / P2025: the kit answers CONFLICT / NOT_FOUND).
  return version === 1
    ? tx.motivationRecord.create({ data: { caseId, setPoint, ...data } })
    : tx.motivationRecord.update({ where: { caseId_setPoint: { caseId, setPoint }, version: version - 1 }, data });
}
