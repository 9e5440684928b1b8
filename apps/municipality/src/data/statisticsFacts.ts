import { OTHER_SUPPORT_KINDS } from "@samraad/access/vocabulary";
import { danishDate, type PseudonymKey, pseudonym } from "@samraad/subgraph-kit";
import { ladderStep } from "../domain/measure.ts";
import type { MunicipalityStatisticsAssignment, MunicipalityStatisticsFact } from "../generated/graphql.ts";
import type { MeasureKind, OtherSupportKind, PrismaClient } from "../generated/prisma/client.ts";

/**
 * One course's pseudonymised facts, as the generated type (from packages/statistics-catalogue)
 * has them; caseId stays inside the subgraph (audit log, paging).
 */
export type MunicipalityStatisticsFactRow = Omit<MunicipalityStatisticsFact, "__typename" | "assignments"> & {
  caseId: string;
  assignments: Array<Omit<MunicipalityStatisticsAssignment, "__typename">>;
};

const earliest = (dates: Array<Date | null | undefined>): Date | null =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

/**
 * The intervention-ladder step of the measure given in answer that started first (the one that
 * dates responseMeasureStartedOn); of two that started the same moment, the higher step. Null
 * when none has started.
 */
function firstMeasureStep(measures: Array<{ startedAt: Date | null; kind: MeasureKind } | null>): number | null {
  let first: { startedAt: Date; step: number } | null = null;
  for (const m of measures) {
    if (!m?.startedAt) continue;
    const step = ladderStep(m.kind);
    const t = m.startedAt.getTime();
    if (!first || t < first.startedAt.getTime() || (t === first.startedAt.getTime() && step > first.step))
      first = { startedAt: m.startedAt, step };
  }
  return first?.step ?? null;
}

/** A page of referred courses in case id order (keyset), each with what the indicators need and no more. */
export async function statisticsFacts(
  db: PrismaClient,
  key: PseudonymKey | null,
  afterId: string | null,
  take: number,
): Promise<MunicipalityStatisticsFactRow[]> {
  const referrals = await db.referral.findMany({
    where: afterId ? { caseId: { gt: afterId } } : {},
    orderBy: { caseId: "asc" },
    take,
    select: {
      caseId: true,
      child: { select: { gender: true } },
      caseworkerAssignments: { orderBy: { from: "asc" }, select: { caseworkerSub: true, from: true, to: true } },
      recommendationResponses: {
        select: {
          response: true,
          respondedAt: true,
          otherSupportKind: true,
          declineReason: true,
          measure: { select: { startedAt: true, kind: true } },
        },
      },
    },
  });
  return referrals.map((r) => ({
    caseId: r.caseId,
    coursePseudonym: pseudonym(key, "course", r.caseId),
    responseMeasureStartedOn: danishDate(
      earliest(r.recommendationResponses.filter((x) => x.response === "MEASURE").map((x) => x.measure?.startedAt)),
    ),
    otherSupportRespondedOn: danishDate(
      earliest(r.recommendationResponses.filter((x) => x.response === "OTHER_SUPPORT").map((x) => x.respondedAt)),
    ),
    otherSupportKind: earliestOtherSupportKind(r.recommendationResponses),
    firstDeclinedOn: danishDate(earliest(r.recommendationResponses.filter((x) => x.response === "DECLINED").map((x) => x.respondedAt))),
    declinedForMotivation: r.recommendationResponses.some((x) => x.response === "DECLINED" && x.declineReason === "FAMILY_MOTIVATION"),
    responseMeasureLadderStep: firstMeasureStep(r.recommendationResponses.filter((x) => x.response === "MEASURE").map((x) => x.measure)),
    childGender: r.child.gender,
    assignments: r.caseworkerAssignments.map((a) => ({
      caseworkerPseudonym: pseudonym(key, "caseworker", a.caseworkerSub),
      fromOn: danishDate(a.from),
      toOn: danishDate(a.to),
    })),
  }));
}

/**
 * The kind of the earliest answer OTHER_SUPPORT (ties on the same instant: the order of
 * OtherSupportKind), so that each course's other support counts under one kind and the kinds add
 * up to the difference between the 67% and the 76%. Null where there is none, or where the
 * earliest was given before the kinds existed.
 */
export function earliestOtherSupportKind(
  responses: ReadonlyArray<{ response: string; respondedAt: Date; otherSupportKind: OtherSupportKind | null }>,
): OtherSupportKind | null {
  const others = responses
    .filter((x) => x.response === "OTHER_SUPPORT")
    .sort((a, b) => a.respondedAt.getTime() - b.respondedAt.getTime() || rank(a.otherSupportKind) - rank(b.otherSupportKind));
  return others[0]?.otherSupportKind ?? null;
}

const rank = (kind: OtherSupportKind | null) => (kind ? OTHER_SUPPORT_KINDS.indexOf(kind) : OTHER_SUPPORT_KINDS.length);
