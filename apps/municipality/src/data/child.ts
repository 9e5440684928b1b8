import type { Tx } from "./find.ts";
import type { ChildRow, CustodyHolderRow } from "./rows.ts";

/**
 * A child by cpr number, whichever municipality it belongs to: only to refuse a second
 * registration and for the data protection officer's look-up, whose rules decide what is told.
 */
export function childIdByCpr(db: Tx, cpr: string): Promise<{ id: string } | null> {
  return db.child.findUnique({ where: { cpr }, select: { id: true } });
}

type NewChild = Pick<ChildRow, "cpr" | "firstName" | "lastName" | "birthDate" | "gender" | "municipalityCode">;

export function createChild(db: Tx, data: NewChild): Promise<ChildRow> {
  return db.child.create({ data });
}

type NewCustodyHolder = Pick<CustodyHolderRow, "name" | "relation" | "objectsToVideoInterview">;

/** A custody holder, of the child as found with the principal's access (find.ts). */
export function createCustodyHolder(db: Tx, child: ChildRow, holder: NewCustodyHolder): Promise<CustodyHolderRow> {
  return db.custodyHolder.create({ data: { childId: child.id, ...holder } });
}

export function setVideoInterviewObjection(db: Tx, holder: CustodyHolderRow, objects: boolean): Promise<CustodyHolderRow> {
  return db.custodyHolder.update({ where: { id: holder.id }, data: { objectsToVideoInterview: objects } });
}
