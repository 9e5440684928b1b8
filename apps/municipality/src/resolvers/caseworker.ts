import { conflict } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { caseloadsOf, reportCaseload } from "../data/caseloads.ts";
import { closeAssignment, createAssignment, currentAssignment } from "../data/caseworkers.ts";
import { referralOrNotFound } from "../data/find.ts";
import { assertMayReadCaseloads, validateCaseloadReport } from "../domain/caseload.ts";
import { assertMayAssign, planAssignment } from "../domain/caseworker.ts";
import type { MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

export const caseworkerMutations: Pick<MutationResolvers, "assignCaseworker" | "reportCaseworkerCaseload"> = {
  assignCaseworker: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      // Row level first: a case of another municipality is NOT_FOUND, whoever asks.
      const referral = await referralOrNotFound(tx, ctx, input.caseId);
      const current = await currentAssignment(tx, referral.caseId);
      assertMayAssign(ctx.principal, current);
      const next = planAssignment(current, input);
      if (current && !(await closeAssignment(tx, current.id, next.from))) {
        throw conflict("The case's caseworker was changed by someone else meanwhile. Reload the case and try again.");
      }
      return createAssignment(tx, referral.caseId, next);
    }),

  reportCaseworkerCaseload: async (_root, { input }, ctx) => {
    const municipalityCode = refusedUnlessMayRead(ctx, "reportCaseworkerCaseload");
    const report = validateCaseloadReport(input, ctx.clock.now());
    await reportCaseload(ctx.db, municipalityCode, report);
    const rows = await caseloadsOf(ctx.db, municipalityCode);
    const row = rows.find((r) => r.caseworkerSub === report.caseworkerSub);
    if (!row) throw conflict("The caseload report was not kept. Try again.");
    return row;
  },
};

export const caseworkerQueries: Pick<QueryResolvers, "caseworkerCaseloads"> = {
  caseworkerCaseloads: async (_root, _args, ctx) => caseloadsOf(ctx.db, refusedUnlessMayRead(ctx, "caseworkerCaseloads")),
};

/** The refusal is audited like any other: someone outside the organisation asked about its people. */
function refusedUnlessMayRead(ctx: Context, field: string): string {
  try {
    return assertMayReadCaseloads(ctx.principal);
  } catch (error) {
    ctx.audit.deny(field === "caseworkerCaseloads" ? "Query" : "Mutation", field, {});
    throw error;
  }
}
