import { accessLogEntries, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { actsFor } from "../domain/access.ts";
import { cprForLookup } from "../domain/cpr.ts";
import type { AccessReportResolvers, QueryResolvers } from "../generated/graphql.ts";

/** The officer of the child's own municipality; anyone else is told the child was not found. */
async function reportFor(childId: string, ctx: Context) {
  const child = await ctx.loaders.childById.load(childId);
  if (!child || !ctx.principal.roles.includes("dpo") || !actsFor(ctx.principal, child.municipalityCode)) return null;
  const referrals = await ctx.loaders.referralsByChildId.load(child.id);
  return { childId: child.id, caseIds: referrals.map((r) => r.caseId) };
}

export const AccessReport: AccessReportResolvers = {
  __resolveReference: (ref, ctx) => reportFor(ref.childId, ctx),
  municipalityLog: (report, _args, ctx) => accessLogEntries(ctx, report),
};

export const accessReportQueries: Pick<QueryResolvers, "accessReport" | "accessReportForCpr"> = {
  accessReport: async (_root, { childId }, ctx) => (await reportFor(childId, ctx)) ?? Promise.reject(notFound("The child")),
  accessReportForCpr: async (_root, { cpr }, ctx) => {
    const form = cprForLookup(cpr);
    // Only the officer looks a child up by number; everyone else learns nothing, not even whether the number exists.
    const child = ctx.principal.roles.includes("dpo")
      ? await ctx.db.child.findUnique({ where: { cpr: form }, select: { id: true } })
      : null;
    return (child && (await reportFor(child.id, ctx))) ?? Promise.reject(notFound("The child"));
  },
};
