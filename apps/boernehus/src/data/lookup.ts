import { forbidden, notFound } from "@samraad/subgraph-kit";
import { mayWriteCase } from "../domain/caseAccess.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { CaseAccess } from "./caseAccess.ts";
import { isUuid } from "./ids.ts";
import type { ActionItemRow, CaseRow, FinalNoteRow, MeetingRow } from "./rows.ts";

export type Tx = Prisma.TransactionClient;

/**
 * Reads for mutations, inside their transaction. The course row is locked (FOR UPDATE)
 * because the rules of one case span several tables (one planning samråd, one final
 * note, the course status): two writers to the same case take turns instead of both
 * passing the checks.
 */
export async function lockCase(tx: Tx, id: string, access: CaseAccess, mode: "write" | "participate" = "write"): Promise<CaseRow> {
  if (isUuid(id)) {
    await tx.$queryRaw`SELECT 1 FROM "BoernehusCase" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const row = await tx.boernehusCase.findUnique({ where: { id } });
    // Row level: a case the principal may not see is answered as if it did not exist.
    const basis = row ? await access.basisWithin(tx, row) : null;
    if (row && basis) {
      if (mode === "write" && !mayWriteCase(access.principal, row, basis)) {
        throw forbidden("Only the børnehus that runs the course, or its staff in the samråd, may change it.");
      }
      return row;
    }
  }
  throw notFound("The course");
}

export async function findMeeting(tx: Tx, id: string): Promise<MeetingRow> {
  const row = isUuid(id) ? await tx.samraadMeeting.findUnique({ where: { id } }) : null;
  if (!row) throw notFound("The samråd meeting");
  return row;
}

export async function findActionItem(tx: Tx, id: string): Promise<ActionItemRow> {
  const row = isUuid(id) ? await tx.actionItem.findUnique({ where: { id } }) : null;
  if (!row) throw notFound("The action item");
  return row;
}

export async function findFinalNote(tx: Tx, id: string): Promise<FinalNoteRow> {
  const row = isUuid(id) ? await tx.finalNote.findUnique({ where: { id } }) : null;
  if (!row) throw notFound("The final note");
  return row;
}
