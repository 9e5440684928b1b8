import { conflict, nonEmpty, notFound } from "@samraad/subgraph-kit";
import { childOrNotFound, custodyHolderOrNotFound } from "../data/find.ts";
import { actsFor, assertRegistersFor } from "../domain/access.ts";
import { validateNewChild } from "../domain/child.ts";
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
  registerChild: async (_root, { input }, ctx) => {
    const data = validateNewChild(input, ctx.clock.now());
    assertRegistersFor(ctx.principal, data.municipalityCode);
    return ctx.db.$transaction(async (tx) => {
      const existing = await tx.child.findUnique({ where: { cpr: data.cpr } });
      if (existing) throw conflictOnCpr();
      return tx.child.create({ data });
    });
  },
  addCustodyHolder: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const child = await childOrNotFound(tx, ctx, input.childId);
      return tx.custodyHolder.create({
        data: {
          childId: child.id,
          name: nonEmpty(input.name, "name", 200),
          relation: input.relation,
          objectsToVideoInterview: input.objectsToVideoInterview ?? false,
        },
      });
    }),
  recordVideoInterviewObjection: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const holder = await custodyHolderOrNotFound(tx, ctx, input.custodyHolderId);
      return tx.custodyHolder.update({ where: { id: holder.id }, data: { objectsToVideoInterview: input.objects } });
    }),
};

const conflictOnCpr = () => conflict("A child with this cpr is already registered; look the child up instead of registering it again.");
