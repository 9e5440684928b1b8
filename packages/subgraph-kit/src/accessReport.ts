import type { Sector } from "@samraad/access";
import type { BaseContext } from "./context.ts";

/**
 * The data protection officer's access report for one child (Datatilsynet's practice
 * since 2024, after CJEU C-579/21): every look-up of the child's data in this subgraph,
 * with date, organisation, sector, purpose, what was done and the decision. The
 * employee's identity is left out: the parents are owed the organisations, and the
 * officer can trace a person through the request id when needed.
 */
export async function accessLogEntries(ctx: BaseContext, filter: { childId: string; caseIds: readonly string[] }) {
  const entries = await ctx.auditLog.entriesFor({ caseIds: [...filter.caseIds], childIds: [filter.childId] });
  return entries.map((e) => ({
    at: e.at,
    sector: e.actorSector as Sector,
    organisation: e.actorOrg,
    purpose: e.purpose,
    action: e.action,
    decision: e.decision,
    fieldPaths: e.fieldPaths,
    requestId: e.requestId,
  }));
}

/** The access report as the query plan hands it to a sector: the child and its cases (from the municipality). */
export interface AccessReportRef {
  childId: string;
  caseIds: string[];
}

/**
 * The resolvers a sector subgraph needs for its part of the access report: the
 * reference (childId, plus caseIds brought by @requires) and its own log field.
 */
export function sectorAccessReport<F extends string>(logField: F) {
  return {
    __resolveReference: (ref: { childId: string; caseIds?: string[] }): AccessReportRef => ({
      childId: ref.childId,
      caseIds: ref.caseIds ?? [],
    }),
    [logField]: (report: AccessReportRef, _args: unknown, ctx: BaseContext) => accessLogEntries(ctx, report),
  } as const;
}
