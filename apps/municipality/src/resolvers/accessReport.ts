import { accessLogEntries, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { actsFor } from "../domain/access.ts";
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

export const accessReportQueries: Pick<QueryResolvers, "accessReport"> = {
  accessReport: async (_root, { childId }, ctx) => (await reportFor(childId, ctx)) ?? Promise.reject(notFound("The child")),
};
