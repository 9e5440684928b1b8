import type { validateCrisisSupportSession } from "../domain/crisisSupport.ts";
import type { Tx } from "./find.ts";
import type { CaseRow, CrisisSupportSessionRow } from "./rows.ts";

/** A crisis-support session, on the case as locked with the principal's access (find.ts). */
export function createCrisisSupportSession(
  tx: Tx,
  course: CaseRow,
  session: ReturnType<typeof validateCrisisSupportSession>,
): Promise<CrisisSupportSessionRow> {
  return tx.crisisSupportSession.create({ data: { caseId: course.id, ...session } });
}
