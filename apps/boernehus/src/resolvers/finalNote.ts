import { MUNICIPALITY_STATEMENT_ISSUER, statementKeysFromEnv, verifyStatement } from "@samraad/access";
import type { Context } from "../context.ts";
import { assessmentStartedAt, replaceConsiderations } from "../data/considerations.ts";
import { findFinalNote, lockCase, FINAL_NOTE as NOTE, type Tx } from "../data/lookup.ts";
import { planConsiderations } from "../domain/considerations.ts";
import {
  assertCanDraft,
  assertCanSend,
  assertCanSign,
  assertEditable,
  planRecommendations,
  type RecommendationPlan,
  validateText,
  visibleText,
} from "../domain/finalNote.ts";
import { assertUpdated, assertVersion } from "../domain/version.ts";
import type { ConsideredDevelopmentInput, FinalNoteResolvers, MutationResolvers, RecommendationResolvers } from "../generated/graphql.ts";

export const FinalNote: FinalNoteResolvers = {
  __resolveReference: async (ref, ctx) => ctx.access.visibleRow(await ctx.loaders.finalNoteById.load(ref.id)),
  text: (note, _args, ctx) => visibleText(note, ctx.principal),
  recommendations: (note, _args, ctx) => ctx.loaders.recommendationsByFinalNoteId.load(note.id),
  consideredDevelopments: (note, _args, ctx) => ctx.loaders.considerationsByFinalNoteId.load(note.id),
};

/**
 * The developments the note names, checked against the municipality's signed list for this case
 * and principal (docs/access-model.md, "Statements between sectors"); null input: leave as is.
 */
async function considerations(
  tx: Tx,
  ctx: Context,
  caseId: string,
  inputs: readonly ConsideredDevelopmentInput[] | null | undefined,
  token: string | null | undefined,
) {
  if (inputs == null) return null;
  const statement =
    inputs.length === 0
      ? null
      : await verifyStatement("developments", token, {
          sub: ctx.principal.sub,
          issuer: MUNICIPALITY_STATEMENT_ISSUER,
          publicKey: (await statementKeysFromEnv()).publicKey,
          record: caseId,
        });
  return planConsiderations(inputs, statement, await assessmentStartedAt(tx, caseId));
}

export const Recommendation: RecommendationResolvers = {
  __resolveReference: async (ref, ctx) => ctx.access.visibleRow(await ctx.loaders.recommendationById.load(ref.id)),
};

async function applyRecommendations(tx: Tx, note: { id: string; caseId: string }, plan: RecommendationPlan): Promise<void> {
  if (plan.deleteIds.length > 0) await tx.recommendation.deleteMany({ where: { id: { in: plan.deleteIds }, finalNoteId: note.id } });
  for (const { id, ...change } of plan.update) await tx.recommendation.update({ where: { id }, data: change });
  if (plan.create.length > 0) {
    await tx.recommendation.createMany({ data: plan.create.map((r) => ({ finalNoteId: note.id, caseId: note.caseId, ...r })) });
  }
}

/** Moves the note on one step, guarded by the version the caller read. */
async function updateNote(tx: Tx, id: string, version: number, data: Parameters<Tx["finalNote"]["updateMany"]>[0]["data"]) {
  const { count } = await tx.finalNote.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  assertUpdated(NOTE, count);
  return tx.finalNote.findUniqueOrThrow({ where: { id } });
}

export const finalNoteMutations: Pick<MutationResolvers, "draftFinalNote" | "reviseFinalNoteDraft" | "signFinalNote" | "sendFinalNote"> = {
  draftFinalNote: async (_root, { input }, ctx) => {
    const text = validateText(input.text);
    const plan = planRecommendations(input.recommendations);
    return ctx.db.$transaction(async (tx) => {
      const course = await lockCase(tx, input.caseId, ctx.access);
      assertCanDraft(course, await tx.finalNote.findUnique({ where: { caseId: course.id } }));
      const considered = await considerations(tx, ctx, course.id, input.consideredDevelopments, input.developmentsStatement);
      const note = await tx.finalNote.create({ data: { caseId: course.id, text, draftedAt: ctx.clock.now() } });
      await applyRecommendations(tx, note, plan);
      if (considered) await replaceConsiderations(tx, note, considered);
      return note;
    });
  },

  reviseFinalNoteDraft: async (_root, { input }, ctx) => {
    const text = validateText(input.text);
    return ctx.db.$transaction(async (tx) => {
      const note = await findFinalNote(tx, input.id);
      await lockCase(tx, note.caseId, ctx.access, "write", NOTE);
      // The lock comes first: whoever edits a sent note learns it is locked, whatever version they hold.
      assertEditable(note);
      assertVersion(NOTE, note, input.version);
      const plan = planRecommendations(input.recommendations, await tx.recommendation.findMany({ where: { finalNoteId: note.id } }));
      const considered = await considerations(tx, ctx, note.caseId, input.consideredDevelopments, input.developmentsStatement);
      await applyRecommendations(tx, note, plan);
      if (considered) await replaceConsiderations(tx, note, considered);
      return updateNote(tx, note.id, input.version, { text });
    });
  },

  signFinalNote: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const note = await findFinalNote(tx, input.id);
      await lockCase(tx, note.caseId, ctx.access, "write", NOTE);
      assertCanSign(note);
      assertVersion(NOTE, note, input.version);
      return updateNote(tx, note.id, input.version, {
        status: "SIGNED",
        signedAt: ctx.clock.now(),
        signedBySub: ctx.principal.sub,
        signedByName: ctx.principal.name,
      });
    }),

  sendFinalNote: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const note = await findFinalNote(tx, input.id);
      const course = await lockCase(tx, note.caseId, ctx.access, "write", NOTE);
      assertCanSend(note, course);
      assertVersion(NOTE, note, input.version);
      const sent = await updateNote(tx, note.id, input.version, { status: "SENT", sentAt: ctx.clock.now() });
      await tx.boernehusCase.update({ where: { id: course.id }, data: { status: "FINAL_NOTE" } });
      return sent;
    }),
};
