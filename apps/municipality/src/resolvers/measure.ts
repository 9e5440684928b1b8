import { measureOrNotFound, referralOrNotFound } from "../data/find.ts";
import { assertCanEnd, assertCanStart, assertVersion, ladderStep, legalBasis, validateNewMeasure } from "../domain/measure.ts";
import type { MeasureResolvers, MutationResolvers } from "../generated/graphql.ts";
import { visibleMeasure } from "./visible.ts";

export const Measure: MeasureResolvers = {
  __resolveReference: async (ref, ctx) => visibleMeasure(await ctx.loaders.measureById.load(ref.id), ctx),
  ladderStep: (measure) => ladderStep(measure.kind),
  legalBasis: (measure) => legalBasis(measure.kind),
};

export const measureMutations: Pick<MutationResolvers, "decideMeasure" | "startMeasure" | "endMeasure"> = {
  decideMeasure: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const referral = await referralOrNotFound(tx, ctx, input.caseId);
      validateNewMeasure(input, ctx.clock.now());
      return tx.measure.create({
        data: { caseId: referral.caseId, kind: input.kind, decidedAt: input.decidedAt, startedAt: input.startedAt ?? null },
      });
    }),
  startMeasure: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const measure = await measureOrNotFound(tx, ctx, input.measureId);
      assertVersion(measure, input.version);
      assertCanStart(measure, input.startedAt);
      return tx.measure.update({
        where: { id: measure.id, version: input.version },
        data: { startedAt: input.startedAt, version: { increment: 1 } },
      });
    }),
  endMeasure: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const measure = await measureOrNotFound(tx, ctx, input.measureId);
      assertVersion(measure, input.version);
      assertCanEnd(measure, input.endedAt, ctx.clock.now());
      return tx.measure.update({
        where: { id: measure.id, version: input.version },
        data: { endedAt: input.endedAt, version: { increment: 1 } },
      });
    }),
};
