import { emergencyPurpose, type GrantBasis, type Principal } from "@samraad/access";
import { uuidsOnly } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import { accessBasis, mayEverBreakGlass, organisationWide } from "../domain/caseAccess.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./client.ts";
import type { Loaders } from "./loaders.ts";
import type { CaseParticipantRow, CaseRow, EmergencyAccessRow } from "./rows.ts";

/**
 * The current principal's access to cases, per request and batched: N cases in a
 * query plan step cost one query for participation and one for emergency access.
 * `now` is the request's instant on the service's one clock; `periods` come from the config
 * (SAMRAAD_PARTICIPATION_GRACE_DAYS, SAMRAAD_EMERGENCY_ACCESS_HOURS).
 */
export function createCaseAccess(
  db: Db,
  loaders: Loaders,
  principal: Principal,
  now: Date,
  periods: { graceDays: number; emergencyHours: number },
) {
  const { graceDays, emergencyHours } = periods;
  const participation = new DataLoader<string, boolean>(async (caseIds) => {
    const rows = await db.keyed.rows<CaseParticipantRow>("CaseParticipant", {
      key: "caseId",
      keys: uuidsOnly(caseIds),
      where: { sub: principal.sub },
    });
    const mine = new Set(rows.map((r) => r.caseId));
    return caseIds.map((id) => mine.has(id));
  });
  /** This principal's open emergency access to each case: the one that lasts longest. */
  const emergency = new DataLoader<string, EmergencyAccessRow | null>(async (caseIds) => {
    const rows = await db.keyed.rows<EmergencyAccessRow>("EmergencyAccess", {
      key: "caseId",
      keys: uuidsOnly(caseIds),
      where: { sub: principal.sub },
    });
    // Expired openings are dropped here: a keyed read filters on equality only, and they are few.
    const open = new Map<string, EmergencyAccessRow>();
    for (const r of rows) {
      const longest = open.get(r.caseId);
      if (r.expiresAt > now && (!longest || longest.expiresAt < r.expiresAt)) open.set(r.caseId, r);
    }
    return caseIds.map((id) => open.get(id) ?? null);
  });

  async function basis(course: CaseRow): Promise<GrantBasis | null> {
    if (organisationWide(principal, course)) return "ORGANISATION";
    const [participant, opened] = await Promise.all([participation.load(course.id), emergency.load(course.id)]);
    return accessBasis(principal, course, { participant, emergencyUntil: opened?.expiresAt ?? null, graceDays, now });
  }

  /**
   * Of the cases a request touched, those this principal read on emergency access, with the
   * purpose the audit log records (the reason given). One keyed read for the cases whose
   * emergency access was not looked up yet; the full basis only for the few with one open.
   */
  async function emergencyPurposes(caseIds: readonly string[]): Promise<Map<string, string>> {
    const purposes = new Map<string, string>();
    // Machine clients, the analyst and the DPO never break the glass: nothing to look up.
    if (!mayEverBreakGlass(principal)) return purposes;
    const opened = await emergency.loadMany(caseIds);
    await Promise.all(
      caseIds.map(async (id, i) => {
        const row = opened[i];
        if (!row || row instanceof Error) return;
        const course = await loaders.caseById.load(id);
        if (course && (await basis(course)) === "EMERGENCY") purposes.set(id, emergencyPurpose(row.reason));
      }),
    );
    return purposes;
  }

  /**
   * The same decision inside a mutation's transaction, read through that transaction:
   * on PGlite (one session) a second connection would wait for the transaction to end.
   */
  async function basisWithin(tx: Prisma.TransactionClient, course: CaseRow): Promise<GrantBasis | null> {
    if (organisationWide(principal, course)) return "ORGANISATION";
    const [participant, emergencyRow] = await Promise.all([
      tx.caseParticipant.findFirst({ where: { sub: principal.sub, caseId: course.id }, select: { id: true } }),
      tx.emergencyAccess.findFirst({
        where: { sub: principal.sub, caseId: course.id, expiresAt: { gt: now } },
        orderBy: { expiresAt: "desc" },
      }),
    ]);
    return accessBasis(principal, course, {
      participant: participant !== null,
      emergencyUntil: emergencyRow?.expiresAt ?? null,
      graceDays,
      now,
    });
  }

  return {
    principal,
    now,
    graceDays,
    basis,
    basisWithin,
    emergencyUntil: async (caseId: string) => (await emergency.load(caseId))?.expiresAt ?? null,
    /** The reason given for this principal's open emergency access to the case, if any. */
    emergencyReason: async (caseId: string) => (await emergency.load(caseId))?.reason ?? null,
    emergencyPurposes,
    /** The case if this principal may see it; null for a case that is not theirs or does not exist. */
    async visibleCase(id: string): Promise<CaseRow | null> {
      const course = await loaders.caseById.load(id);
      return course && (await basis(course)) ? course : null;
    },
    /** A row of a case (meeting, action item, final note...) if its case is visible. */
    async visibleRow<T extends { caseId: string }>(row: T | null): Promise<T | null> {
      if (!row) return null;
      return (await this.visibleCase(row.caseId)) ? row : null;
    },
    /** The Prisma filter for lists: only cases this principal may see. */
    listWhere(): Prisma.BoernehusCaseWhereInput {
      const cutoff = new Date(now.getTime() - graceDays * 86_400_000);
      const or: Prisma.BoernehusCaseWhereInput[] = [
        { participants: { some: { sub: principal.sub } }, OR: [{ closedAt: null }, { closedAt: { gt: cutoff } }] },
        { emergencyAccesses: { some: { sub: principal.sub, expiresAt: { gt: now } } } },
      ];
      if (principal.roles.some((r) => r === "leader" || r === "system")) {
        if (principal.sector === "BOERNEHUS") or.push({ region: principal.organisation as CaseRow["region"] });
        if (principal.sector === "MUNICIPALITY") or.push({ municipalityCode: principal.organisation });
      }
      return { OR: or };
    },
    emergencyHours,
  };
}

export type CaseAccess = ReturnType<typeof createCaseAccess>;
