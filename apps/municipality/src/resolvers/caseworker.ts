import { conflict } from "@samraad/subgraph-kit";
import { referralOrNotFound } from "../data/find.ts";
import { planAssignment } from "../domain/caseworker.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const caseworkerMutations: Pick<MutationResolvers, "assignCaseworker"> = {
  assignCaseworker: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const referral = await referralOrNotFound(tx, ctx, input.caseId);
      const current = await tx.caseworkerAssignment.findFirst({ where: { caseId: referral.caseId, to: null }, orderBy: { from: "desc" } });
      const next = planAssignment(current, input);
      if (current) {
        // `to: null` in the where: if someone else closed it meanwhile, this changes nothing and we refuse.
        const closed = await tx.caseworkerAssignment.updateMany({ where: { id: current.id, to: null }, data: { to: next.from } });
        if (closed.count !== 1)
          throw conflict("The case's caseworker was changed by someone else meanwhile. Reload the case and try again.");
      }
      return tx.caseworkerAssignment.create({ data: { caseId: referral.caseId, ...next } });
    }),
};
