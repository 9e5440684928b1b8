import { randomUUID } from "node:crypto";
import type { Principal } from "@samraad/access";
import type { Db } from "./client.ts";
import type { Tx } from "./find.ts";
import type { ChildRow, ReferralRow } from "./rows.ts";

/** A municipality's referrals, newest first (the domain has checked that the caller is that municipality). */
export function referralsOfMunicipality(db: Db, municipalityCode: string, take: number): Promise<ReferralRow[]> {
  return db.referral.findMany({ where: { municipalityCode }, orderBy: [{ referredAt: "desc" }, { id: "asc" }], take });
}

/** A børnehus's queue: the referrals addressed to it whose course is not yet registered, oldest first. */
export function referralQueue(db: Db, region: ReferralRow["boernehusRegion"], take: number): Promise<ReferralRow[]> {
  return db.referral.findMany({
    where: { boernehusRegion: region, courseRegisteredAt: null },
    orderBy: [{ referredAt: "asc" }, { id: "asc" }],
    take,
  });
}

/** A new case for the child as found with the principal's access (find.ts), referred by `by`. */
export function createReferral(
  db: Tx,
  child: ChildRow,
  referral: Pick<
    ReferralRow,
    | "boernehusRegion"
    | "referredAt"
    | "suspicionOrKnowledge"
    | "childAssessmentDecided"
    | "otherSectorInvolved"
    | "abuseTypes"
    | "policeReportFiled"
  >,
  by: Principal,
): Promise<ReferralRow> {
  return db.referral.create({
    data: {
      // A new case: the børnehus registers its course under this id.
      caseId: randomUUID(),
      childId: child.id,
      municipalityCode: child.municipalityCode,
      ...referral,
      referredBySub: by.sub,
      referredByName: by.name,
    },
  });
}

/** The hand-off's steps, on the referral as found for the receiving børnehus (find.ts). */
export function recordHandover(
  db: Tx,
  referral: ReferralRow,
  step: Partial<Pick<ReferralRow, "acknowledgedAt" | "acknowledgedByName" | "courseRegisteredAt">>,
): Promise<ReferralRow> {
  return db.referral.update({ where: { id: referral.id }, data: step });
}
