import { MUNICIPALITY_STATEMENT_ISSUER, signStatement } from "@samraad/access";
import { receivesReferral } from "../domain/access.ts";
import { ageOn } from "../domain/child.ts";
import { acknowledgeReferral, handoverStatus, incomingReferrals, recordCourseRegistered } from "../domain/handover.ts";
import type { MutationResolvers, QueryResolvers, ReferralResolvers } from "../generated/graphql.ts";

/**
 * The referral hand-off (docs/access-model.md, "The referral hand-off"). The referral is the
 * municipality's; the børnehus it is addressed to reads it here, through the gateway, until
 * its course is registered:
 *  - incomingReferrals: the queue, only referrals addressed to the principal's own børnehus;
 *  - acknowledgeReferral: the børnehus says it has the referral;
 *  - Referral.registrationStatement: the referral's facts, signed, for registerCourseFromReferral
 *    in the børnehus subgraph (no ids or facts copied by hand, none a client could alter);
 *  - recordCourseRegistered: the børnehus's signed receipt that the course exists.
 */
export const referralHandoverFields: Pick<
  ReferralResolvers,
  | "childAgeAtReferral"
  | "handoverStatus"
  | "registrationStatement"
  | "referredByName"
  | "acknowledgedAt"
  | "acknowledgedByName"
  | "courseRegisteredAt"
> = {
  childAgeAtReferral: async (referral, _args, ctx) => {
    const child = await ctx.loaders.childById.load(referral.childId);
    return child ? ageOn(child.birthDate, referral.referredAt) : 0;
  },
  handoverStatus: (referral) => handoverStatus(referral),
  referredByName: (referral) => referral.referredByName ?? null,
  acknowledgedAt: (referral) => referral.acknowledgedAt ?? null,
  acknowledgedByName: (referral) => referral.acknowledgedByName ?? null,
  courseRegisteredAt: (referral) => referral.courseRegisteredAt ?? null,
  registrationStatement: async (referral, _args, ctx) => {
    if (!receivesReferral(ctx.principal, referral)) return null;
    const child = await ctx.loaders.childById.load(referral.childId);
    if (!child) return null;
    return signStatement(
      "referral",
      {
        referralId: referral.id,
        caseId: referral.caseId,
        region: referral.boernehusRegion,
        municipalityCode: referral.municipalityCode,
        abuseTypes: referral.abuseTypes,
        childAgeAtReferral: ageOn(child.birthDate, referral.referredAt),
        referredAt: referral.referredAt.toISOString(),
        referrer: referral.referredBySub ? { sub: referral.referredBySub, name: referral.referredByName ?? "" } : null,
      },
      { sub: ctx.principal.sub, issuer: MUNICIPALITY_STATEMENT_ISSUER, privateKey: ctx.statementKeys.privateKey },
    );
  },
};

export const handoverQueries: Pick<QueryResolvers, "incomingReferrals"> = {
  incomingReferrals: (_root, { first }, ctx) => incomingReferrals(ctx, first),
};

export const handoverMutations: Pick<MutationResolvers, "acknowledgeReferral" | "recordCourseRegistered"> = {
  acknowledgeReferral: (_root, { referralId }, ctx) => acknowledgeReferral(ctx, referralId),
  recordCourseRegistered: (_root, { input }, ctx) => recordCourseRegistered(ctx, input),
};
