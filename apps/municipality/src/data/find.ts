import type { Principal } from "@samraad/access";
import { type AuditRecorder, assertUuid, notFound } from "@samraad/subgraph-kit";
import { actsFor, receivesReferral } from "../domain/access.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ChildRow, CustodyHolderRow, MeasureRow, NotificationRow, ReferralRow } from "./rows.ts";

/** Reads inside a mutation's transaction: the record, or NOT_FOUND (ids are checked to be UUIDs first). */
export type Tx = Prisma.TransactionClient;

/**
 * The verified access every write of the municipality's own records takes (issue 19): the
 * principal, whose organisation rule (the municipality responsible for the child) every
 * record a write names is checked against here, in the data layer. A record of another
 * municipality is answered exactly like one that does not exist: NOT_FOUND, the same
 * message, nothing about its owner or state.
 */
export interface MunicipalityAccess {
  principal: Principal;
}

function mine<T>(access: MunicipalityAccess, row: T | null, municipalityCode: (row: T) => string, what: string): T {
  if (!row || !actsFor(access.principal, municipalityCode(row))) throw notFound(what);
  return row;
}

export async function childOrNotFound(tx: Tx, access: MunicipalityAccess, childId: string, field = "childId"): Promise<ChildRow> {
  const child = await tx.child.findUnique({ where: { id: assertUuid(childId, field) } });
  return mine(access, child, (c) => c.municipalityCode, "The child");
}

/** The referral that started a case: the municipality's handle on a BoernehusCase. */
export async function referralOrNotFound(tx: Tx, access: MunicipalityAccess, caseId: string): Promise<ReferralRow> {
  const referral = await tx.referral.findUnique({ where: { caseId: assertUuid(caseId, "caseId") } });
  return mine(access, referral, (r) => r.municipalityCode, "The case");
}

/**
 * The referral this principal receives (addressed to her børnehus, its course not yet
 * registered: the hand-off's own rule, receivesReferral), or NOT_FOUND exactly as for one that
 * does not exist. The refusal is audited on the case it names, if any.
 */
export async function receivedReferralOrNotFound(
  tx: Tx,
  access: MunicipalityAccess & { audit: Pick<AuditRecorder, "deny"> },
  referralId: string,
): Promise<ReferralRow> {
  const referral = await tx.referral.findUnique({ where: { id: assertUuid(referralId, "referralId") } });
  if (!referral || !receivesReferral(access.principal, referral)) {
    access.audit.deny("Referral", "handover", { caseId: referral?.caseId });
    throw notFound("The referral");
  }
  return referral;
}

export async function notificationOrNotFound(tx: Tx, access: MunicipalityAccess, id: string): Promise<NotificationRow> {
  const row = await tx.notification.findUnique({ where: { id: assertUuid(id, "notificationId") }, include: { child: true } });
  const { child: _child, ...notification } = mine(access, row, (n) => n.child.municipalityCode, "The notification");
  return notification;
}

export async function childAssessmentOrNotFound(tx: Tx, access: MunicipalityAccess, id: string) {
  const row = await tx.childAssessment.findUnique({ where: { id: assertUuid(id, "childAssessmentId") }, include: { child: true } });
  return mine(access, row, (a) => a.child.municipalityCode, "The child assessment");
}

export async function custodyHolderOrNotFound(tx: Tx, access: MunicipalityAccess, id: string): Promise<CustodyHolderRow> {
  const row = await tx.custodyHolder.findUnique({ where: { id: assertUuid(id, "custodyHolderId") }, include: { child: true } });
  const { child: _child, ...holder } = mine(access, row, (h) => h.child.municipalityCode, "The custody holder");
  return holder;
}

export async function measureOrNotFound(tx: Tx, access: MunicipalityAccess, id: string, field = "measureId"): Promise<MeasureRow> {
  const row = await tx.measure.findUnique({ where: { id: assertUuid(id, field) }, include: { referral: true } });
  const { referral: _referral, ...measure } = mine(access, row, (m) => m.referral.municipalityCode, "The measure");
  return measure;
}
