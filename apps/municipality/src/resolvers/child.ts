import { notFound } from "@samraad/subgraph-kit";
import { actsFor } from "../domain/access.ts";
import { addCustodyHolder, recordVideoInterviewObjection, registerChild } from "../domain/child.ts";
import type { ChildResolvers, MutationResolvers, QueryResolvers } from "../generated/graphql.ts";
import { visibleChild } from "./visible.ts";

export const Child: ChildResolvers = {
  __resolveReference: async (ref, ctx) => visibleChild(await ctx.loaders.childById.load(ref.id), ctx),
  custodyHolders: (child, _args, ctx) => ctx.loaders.custodyHoldersByChildId.load(child.id),
  videoInterviewObjection: async (child, _args, ctx) =>
    (await ctx.loaders.custodyHoldersByChildId.load(child.id)).some((h) => h.objectsToVideoInterview),
  notifications: (child, _args, ctx) => ctx.loaders.notificationsByChildId.load(child.id),
  childAssessments: (child, _args, ctx) => ctx.loaders.assessmentsByChildId.load(child.id),
  // Each referral is a case of its own: the responsible municipality sees them all; someone who
  // reached the child through a case (with a grant) sees only the referrals of cases granted to them.
  referrals: async (child, _args, ctx) => {
    const referrals = await ctx.loaders.referralsByChildId.load(child.id);
    return actsFor(ctx.principal, child.municipalityCode) ? referrals : referrals.filter((r) => ctx.grantedCaseIds.has(r.caseId));
  },
};

export const childQueries: Pick<QueryResolvers, "child"> = {
  child: async (_root, { id }, ctx) => visibleChild(await ctx.loaders.childById.load(id), ctx) ?? Promise.reject(notFound("The child")),
};

export const childMutations: Pick<MutationResolvers, "registerChild" | "addCustodyHolder" | "recordVideoInterviewObjection"> = {
  registerChild: (_root, { input }, ctx) => registerChild(ctx, input),
  addCustodyHolder: (_root, { input }, ctx) => addCustodyHolder(ctx, input),
  recordVideoInterviewObjection: (_root, { input }, ctx) => recordVideoInterviewObjection(ctx, input),
};
