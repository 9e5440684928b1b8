import type { CaseloadFacts, CaseloadReport } from "../domain/caseload.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/**
 * What the municipality's caseworkers' figures are made of: every current assignment of its
 * referrals (with whether an earlier caseworker held the case), and the caseloads its case
 * system reported.
 */
export async function caseloadFactsOf(db: PrismaClient, municipalityCode: string): Promise<CaseloadFacts> {
  const [current, reports] = await Promise.all([
    db.caseworkerAssignment.findMany({
      where: { to: null, referral: { municipalityCode } },
      select: { caseId: true, caseworkerSub: true, caseworkerName: true, from: true },
    }),
    db.caseworkerCaseload.findMany({ where: { municipalityCode } }),
  ]);
  const earlier = await db.caseworkerAssignment.findMany({
    where: { caseId: { in: current.map((a) => a.caseId) }, to: { not: null } },
    select: { caseId: true },
    distinct: ["caseId"],
  });
  const handedOn = new Set(earlier.map((e) => e.caseId));
  return {
    current: current.map((a) => ({ caseworkerSub: a.caseworkerSub, caseworkerName: a.caseworkerName, takenOver: handedOn.has(a.caseId) })),
    reports,
  };
}

/** Keeps the latest report per caseworker (a later report replaces it; an older one changes nothing). */
export async function reportCaseload(db: PrismaClient, municipalityCode: string, report: CaseloadReport): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.caseworkerCaseload.findUnique({
      where: { municipalityCode_caseworkerSub: { municipalityCode, caseworkerSub: report.caseworkerSub } },
    });
    if (existing && existing.reportedAt.getTime() > report.reportedAt.getTime()) return;
    await tx.caseworkerCaseload.upsert({
      where: { municipalityCode_caseworkerSub: { municipalityCode, caseworkerSub: report.caseworkerSub } },
      create: { municipalityCode, ...report },
      update: { caseworkerName: report.caseworkerName, totalCaseload: report.totalCaseload, reportedAt: report.reportedAt },
    });
  });
}
