import { grantFor } from "../domain/caseAccess.ts";
import { draftFinalNote, reviseFinalNoteDraft, sendFinalNote, signFinalNote, visibleText } from "../domain/finalNote.ts";
import type { FinalNoteResolvers, MutationResolvers, RecommendationResolvers } from "../generated/graphql.ts";

export const FinalNote: FinalNoteResolvers = {
  __resolveReference: async (ref, ctx) => ctx.access.visibleRow(await ctx.loaders.finalNoteById.load(ref.id)),
  text: (note, _args, ctx) => visibleText(note, ctx.principal),
  recommendations: (note, _args, ctx) => ctx.loaders.recommendationsByFinalNoteId.load(note.id),
  consideredDevelopments: (note, _args, ctx) => ctx.loaders.considerationsByFinalNoteId.load(note.id),
};

export const Recommendation: RecommendationResolvers = {
  __resolveReference: async (ref, ctx) => ctx.access.visibleRow(await ctx.loaders.recommendationById.load(ref.id)),
  // The grants for the municipality's response to this recommendation: a write grant names it.
  accessGrant: async (recommendation, _args, ctx) => grantFor(ctx, await ctx.loaders.caseById.load(recommendation.caseId)),
  writeGrant: async (recommendation, _args, ctx) =>
    grantFor(ctx, await ctx.loaders.caseById.load(recommendation.caseId), { record: recommendation.id }),
};

export const finalNoteMutations: Pick<MutationResolvers, "draftFinalNote" | "reviseFinalNoteDraft" | "signFinalNote" | "sendFinalNote"> = {
  draftFinalNote: (_root, { input }, ctx) => draftFinalNote(ctx, input),
  reviseFinalNoteDraft: (_root, { input }, ctx) => reviseFinalNoteDraft(ctx, input),
  signFinalNote: (_root, { input }, ctx) => signFinalNote(ctx, input),
  sendFinalNote: (_root, { input }, ctx) => sendFinalNote(ctx, input),
};
