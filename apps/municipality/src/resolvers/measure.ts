import type { Principal } from "@samraad/access";
import { assertUuid, notFound } from "@samraad/subgraph-kit";
import { referralOrNotFound, type Tx } from "../data/find.ts";
import { assertActsFor } from "../domain/access.ts";
import { assertCanEnd, assertCanStart, assertVersion, ladderStep, validateNewMeasure } from "../domain/measure.ts";
import type { MeasureResolvers, MutationResolvers } from "../generated/graphql.ts";
import { visibleMeasure } from "./visible.ts";

export const Measure: MeasureResolvers = {
  __resolveReference: async (ref, ctx) => visibleMeasure(await ctx.loaders.measureById.load(ref.id), ctx),
  ladderStep: (measure) => ladderStep(measure.kind),
};

async function measureActingFor(tx: Tx, measureId: string, principal: Principal) {
  const measure = await tx.measure.findUnique({ where: { id: assertUuid(measureId, "measureId") }, include: { referral: true } });
  if (!measure) throw notFound("The measure");
  assertActsFor(principal, measure.referral.municipalityCode);
  const { referral: _referral, ...row } = measure;
  return row;
}

export const measureMutations: Pick<MutationResolvers, "decideMeasure" | "startMeasure" | "endMeasure"> = {
  decideMeasure: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const referral = await referralOrNotFound(tx, input.caseId);
      assertActsFor(ctx.principal, referral.municipalityCode);
      validateNewMeasure(input, ctx.clock.now());
      return tx.measure.create({
        data: { caseId: referral.caseId, kind: input.kind, decidedAt: input.decidedAt, startedAt: input.startedAt ?? null },
      });
    }),
  startMeasure: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const measure = await measureActingFor(tx, input.measureId, ctx.principal);
      assertVersion(measure, input.version);
      assertCanStart(measure, input.startedAt);
      return tx.measure.update({
        where: { id: measure.id, version: input.version },
        data: { startedAt: input.startedAt, version: { increment: 1 } },
      });
    }),
  endMeasure: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const measure = await measureActingFor(tx, input.measureId, ctx.principal);
      assertVersion(measure, input.version);
      assertCanEnd(measure, input.endedAt, ctx.clock.now());
      return tx.measure.update({
        where: { id: measure.id, version: input.version },
        data: { endedAt: input.endedAt, version: { increment: 1 } },
      });
    }),
};
