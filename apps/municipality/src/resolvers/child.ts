import { conflict, nonEmpty, notFound } from "@samraad/subgraph-kit";
import { childOrNotFound } from "../data/find.ts";
import { assertActsFor } from "../domain/access.ts";
import { validateNewChild } from "../domain/child.ts";
import { uuid } from "../domain/ids.ts";
import type { ChildResolvers, MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

export const Child: ChildResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.childById.load(ref.id),
  custodyHolders: (child, _args, ctx) => ctx.loaders.custodyHoldersByChildId.load(child.id),
  videoInterviewObjection: async (child, _args, ctx) =>
    (await ctx.loaders.custodyHoldersByChildId.load(child.id)).some((h) => h.objectsToVideoInterview),
  notifications: (child, _args, ctx) => ctx.loaders.notificationsByChildId.load(child.id),
  childAssessments: (child, _args, ctx) => ctx.loaders.assessmentsByChildId.load(child.id),
  referrals: (child, _args, ctx) => ctx.loaders.referralsByChildId.load(child.id),
};

export const childQueries: Pick<QueryResolvers, "child"> = {
  child: (_root, { id }, ctx) => ctx.loaders.childById.load(id),
};

export const childMutations: Pick<MutationResolvers, "registerChild" | "addCustodyHolder" | "recordVideoInterviewObjection"> = {
  registerChild: async (_root, { input }, ctx) => {
    const data = validateNewChild(input);
    assertActsFor(ctx.principal, data.municipalityCode);
    return ctx.db.$transaction(async (tx) => {
      const existing = await tx.child.findUnique({ where: { cpr: data.cpr } });
      if (existing) throw conflictOnCpr();
      return tx.child.create({ data });
    });
  },
  addCustodyHolder: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const child = await childOrNotFound(tx, input.childId);
      assertActsFor(ctx.principal, child.municipalityCode);
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
      const holder = await tx.custodyHolder.findUnique({
        where: { id: uuid(input.custodyHolderId, "custodyHolderId") },
        include: { child: true },
      });
      if (!holder) throw notFound("The custody holder");
      assertActsFor(ctx.principal, holder.child.municipalityCode);
      return tx.custodyHolder.update({ where: { id: holder.id }, data: { objectsToVideoInterview: input.objects } });
    }),
};

const conflictOnCpr = () => conflict("A child with this cpr is already registered; look the child up instead of registering it again.");
