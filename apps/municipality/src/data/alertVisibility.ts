import type { PrismaClient } from "../generated/prisma/client.ts";

/** Of these cases, those the person is the current caseworker of, in her own municipality. */
export async function casesCurrentlyHeldBy(
  db: PrismaClient,
  caseIds: string[],
  who: { sub: string; municipalityCode: string },
  now: Date,
): Promise<Set<string>> {
  const current = await db.caseworkerAssignment.findMany({
    where: {
      caseId: { in: caseIds },
      caseworkerSub: who.sub,
      from: { lte: now },
      OR: [{ to: null }, { to: { gt: now } }],
      referral: { municipalityCode: who.municipalityCode },
    },
    select: { caseId: true },
  });
  return new Set(current.map((a) => a.caseId));
}

/** Of these cases, those referred by the municipality. */
export async function casesOfMunicipality(db: PrismaClient, caseIds: string[], municipalityCode: string): Promise<Set<string>> {
  const own = await db.referral.findMany({ where: { caseId: { in: caseIds }, municipalityCode }, select: { caseId: true } });
  return new Set(own.map((r) => r.caseId));
}
