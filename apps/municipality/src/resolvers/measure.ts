import { decideMeasure, endMeasure, ladderStep, legalBasis, startMeasure } from "../domain/measure.ts";
import type { MeasureResolvers, MutationResolvers } from "../generated/graphql.ts";
import { visibleMeasure } from "./visible.ts";

export const Measure: MeasureResolvers = {
  __resolveReference: async (ref, ctx) => visibleMeasure(await ctx.loaders.measureById.load(ref.id), ctx),
  ladderStep: (measure) => ladderStep(measure.kind),
  legalBasis: (measure) => legalBasis(measure.kind),
};

export const measureMutations: Pick<MutationResolvers, "decideMeasure" | "startMeasure" | "endMeasure"> = {
  decideMeasure: (_root, { input }, ctx) => decideMeasure(ctx, input),
  startMeasure: (_root, { input }, ctx) => startMeasure(ctx, input),
  endMeasure: (_root, { input }, ctx) => endMeasure(ctx, input),
};
