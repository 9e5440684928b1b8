import { requireWriteGrant } from "@samraad/subgraph-kit";
import { referralOrNotFound } from "../data/find.ts";
import { motivationCaseState, saveMotivation } from "../data/motivation.ts";
import { validateMunicipalityMotivation } from "../domain/motivation.ts";
import type { MutationResolvers } from "../generated/graphql.ts";

export const motivationMutations: Pick<MutationResolvers, "recordMunicipalityMotivation"> = {
  recordMunicipalityMotivation: async (_root, { input, caseGrant }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      // The municipality responsible for the child, and of it only the case's participants (or an
      // organisation-wide role): the børnehus's write grant for this principal and case says so.
      const referral = await referralOrNotFound(tx, ctx, input.caseId);
      await requireWriteGrant(ctx, caseGrant, { caseId: referral.caseId });
      const state = await motivationCaseState(tx, referral.caseId, input.setPoint);
      const record = validateMunicipalityMotivation(state, input);
      return saveMotivation(tx, referral.caseId, record, ctx.principal, ctx.clock.now());
    }),
};
