import { randomUUID } from "node:crypto";
import { badInput, notFound } from "@samraad/subgraph-kit";
import { childOrNotFound } from "../data/find.ts";
import { assertMayListReferrals } from "../domain/access.ts";
import { validateMunicipalityCode } from "../domain/child.ts";
import { assertCriteriaMet, assertReferable } from "../domain/referral.ts";
import type { MutationResolvers, QueryResolvers, ReferralResolvers } from "../generated/graphql.ts";
import { visibleReferral } from "./visible.ts";

export const Referral: ReferralResolvers = {
  __resolveReference: async (ref, ctx) => visibleReferral(await ctx.loaders.referralById.load(ref.id), ctx),
  child: async (referral, _args, ctx) => (await ctx.loaders.childById.load(referral.childId))!,
};

const MAX_PAGE = 200;

export const referralQueries: Pick<QueryResolvers, "referral" | "referralsForMunicipality"> = {
  referral: async (_root, { id }, ctx) =>
    visibleReferral(await ctx.loaders.referralById.load(id), ctx) ?? Promise.reject(notFound("The referral")),
  referralsForMunicipality: async (_root, { municipalityCode, first }, ctx) => {
    const code = validateMunicipalityCode(municipalityCode);
    const take = first ?? 50;
    if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE) throw badInput(`first must be between 1 and ${MAX_PAGE}.`, "first");
    assertMayListReferrals(ctx.principal, code);
    return ctx.db.referral.findMany({
      where: { municipalityCode: code },
      orderBy: [{ referredAt: "desc" }, { id: "asc" }],
      take,
    });
  },
};

export const referralMutations: Pick<MutationResolvers, "referToBoernehus"> = {
  referToBoernehus: async (_root, { input }, ctx) => {
    // The criteria come first: a case that misses one should go to a consultation, whatever else is wrong.
    assertCriteriaMet(input);
    return ctx.db.$transaction(async (tx) => {
      const child = await childOrNotFound(tx, ctx, input.childId);
      const abuseTypes = assertReferable({
        now: ctx.clock.now(),
        child,
        assessments: await tx.childAssessment.findMany({ where: { childId: child.id } }),
        referredAt: input.referredAt,
        childAssessmentDecided: input.childAssessmentDecided,
        abuseTypes: input.abuseTypes,
      });
      return tx.referral.create({
        data: {
          // A new case: the børnehus registers its course under this id.
          caseId: randomUUID(),
          childId: child.id,
          municipalityCode: child.municipalityCode,
          boernehusRegion: input.boernehusRegion,
          referredAt: input.referredAt,
          suspicionOrKnowledge: input.suspicionOrKnowledge,
          childAssessmentDecided: input.childAssessmentDecided,
          otherSectorInvolved: input.otherSectorInvolved,
          abuseTypes,
          policeReportFiled: input.policeReportFiled,
          referredBySub: ctx.principal.sub,
          referredByName: ctx.principal.name,
        },
      });
    });
  },
};
