import { forbidden, isUuid, notFound } from "@samraad/subgraph-kit";
import { mayWriteCase } from "../domain/caseAccess.ts";
import { assertUpdated } from "../domain/version.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { CaseAccess } from "./caseAccess.ts";
import type { ActionItemRow, CaseRow, FinalNoteRow, MeetingRow } from "./rows.ts";

export type Tx = Prisma.TransactionClient;

/**
 * Reads for mutations, inside their transaction. `lockCase` is the verified case access every
 * write into a case takes: the data functions that write into a case take the course it
 * returned (a CaseRow), never a case id from the input. The course row is locked (FOR UPDATE)
 * because the rules of one case span several tables (one planning samråd, one final
 * note, the course status): two writers to the same case take turns instead of both
 * passing the checks.
 */
export async function lockCase(
  tx: Tx,
  id: string,
  access: CaseAccess,
  mode: "write" | "participate" = "write",
  /**
   * What the caller named: a mutation on a meeting, an action item or a final note of a
   * case the principal may not see answers exactly as for an id that does not exist.
   */
  what = "The course",
): Promise<CaseRow> {
  if (isUuid(id)) {
    await tx.$queryRaw`SELECT 1 FROM "BoernehusCase" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const row = await tx.boernehusCase.findUnique({ where: { id } });
    // Row level: a case the principal may not see is answered as if it did not exist.
    const basis = row ? await access.basisWithin(tx, row) : null;
    if (row && basis) {
      // Breaking the glass lets a professional read a case in an emergency, not change it.
      if (basis === "EMERGENCY") throw forbidden("Emergency access is read-only: ask the samråd's coordinator to add you to the case.");
      if (mode === "write" && !mayWriteCase(access.principal, row, basis)) {
        throw forbidden("Only the børnehus that runs the course, or its staff in the samråd, may change it.");
      }
      return row;
    }
  }
  throw notFound(what);
}

export const MEETING = "The samråd meeting";
export const ACTION_ITEM = "The action item";
export const FINAL_NOTE = "The final note";

export async function findMeeting(tx: Tx, id: string): Promise<MeetingRow> {
  const row = isUuid(id) ? await tx.samraadMeeting.findUnique({ where: { id } }) : null;
  if (!row) throw notFound(MEETING);
  return row;
}

export async function findActionItem(tx: Tx, id: string): Promise<ActionItemRow> {
  const row = isUuid(id) ? await tx.actionItem.findUnique({ where: { id } }) : null;
  if (!row) throw notFound(ACTION_ITEM);
  return row;
}

export async function findFinalNote(tx: Tx, id: string): Promise<FinalNoteRow> {
  const row = isUuid(id) ? await tx.finalNote.findUnique({ where: { id } }) : null;
  if (!row) throw notFound(FINAL_NOTE);
  return row;
}

/** The delegate of a model with a version column (meeting, action item, final note). */
interface Versioned<Row> {
  updateMany(args: { where: { id: string; version: number }; data: object }): Promise<{ count: number }>;
  findUniqueOrThrow(args: { where: { id: string } }): Promise<Row>;
}

/**
 * Changes a row only if it still has the version the caller decided on, and returns it as
 * changed: no row means a change slipped in between read and write (CONFLICT).
 */
export async function updateVersioned<Row>(model: Versioned<Row>, what: string, id: string, version: number, data: object): Promise<Row> {
  const { count } = await model.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  assertUpdated(what, count);
  return model.findUniqueOrThrow({ where: { id } });
}
