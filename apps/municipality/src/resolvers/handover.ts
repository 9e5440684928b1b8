import {
  BOERNEHUS_STATEMENT_ISSUER,
  MUNICIPALITY_STATEMENT_ISSUER,
  signStatement,
  statementKeysFromEnv,
  verifyStatement,
} from "@samraad/access";
import { assertUuid, badInput, DomainError, forbidden, notFound } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import type { Tx } from "../data/find.ts";
import type { ReferralRow } from "../data/rows.ts";
import { mayReceiveReferrals, receivesReferral } from "../domain/access.ts";
import { ageOn } from "../domain/child.ts";
import { handoverStatus, MAX_QUEUE } from "../domain/handover.ts";
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
    const keys = await statementKeysFromEnv();
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
      { sub: ctx.principal.sub, issuer: MUNICIPALITY_STATEMENT_ISSUER, privateKey: keys.privateKey },
    );
  },
};

export const handoverQueries: Pick<QueryResolvers, "incomingReferrals"> = {
  incomingReferrals: async (_root, { first }, ctx) => {
    const take = first ?? 50;
    if (!Number.isInteger(take) || take < 1 || take > MAX_QUEUE) throw badInput(`first must be between 1 and ${MAX_QUEUE}.`, "first");
    if (!mayReceiveReferrals(ctx.principal)) {
      ctx.audit.deny("Query", "incomingReferrals", {});
      throw forbidden("Only the coordinators and the leader of a børnehus receive referrals, for their own børnehus.");
    }
    return ctx.db.referral.findMany({
      where: { boernehusRegion: ctx.principal.organisation as ReferralRow["boernehusRegion"], courseRegisteredAt: null },
      orderBy: [{ referredAt: "asc" }, { id: "asc" }],
      take,
    });
  },
};

/**
 * The referral this principal receives (addressed to her børnehus, its course not yet registered),
 * or NOT_FOUND exactly as for one that does not exist.
 */
async function receivedOrNotFound(tx: Tx, ctx: Context, referralId: string): Promise<ReferralRow> {
  const referral = await tx.referral.findUnique({ where: { id: assertUuid(referralId, "referralId") } });
  if (!referral || !receivesReferral(ctx.principal, referral)) {
    ctx.audit.deny("Referral", "handover", { caseId: referral?.caseId });
    throw notFound("The referral");
  }
  return referral;
}

export const handoverMutations: Pick<MutationResolvers, "acknowledgeReferral" | "recordCourseRegistered"> = {
  acknowledgeReferral: async (_root, { referralId }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const referral = await receivedOrNotFound(tx, ctx, referralId);
      // Acknowledging twice changes nothing: the first acknowledgement stands.
      if (referral.acknowledgedAt) return referral;
      ctx.audit.touch("Referral", "acknowledgedAt", referral);
      return tx.referral.update({
        where: { id: referral.id },
        data: { acknowledgedAt: ctx.clock.now(), acknowledgedByName: ctx.principal.name },
      });
    }),
  recordCourseRegistered: async (_root, { input }, ctx) =>
    ctx.db.$transaction(async (tx) => {
      const referral = await receivedOrNotFound(tx, ctx, input.referralId);
      const receipt = await verifyStatement("course-registered", input.receipt, {
        sub: ctx.principal.sub,
        issuer: BOERNEHUS_STATEMENT_ISSUER,
        publicKey: ctx.grantKeys.publicKey,
        record: referral.id,
      });
      if (!receipt || receipt.caseId !== referral.caseId) {
        ctx.audit.deny("Referral", "courseRegisteredAt", referral);
        throw new DomainError(
          "STATEMENT_INVALID",
          "The børnehus's receipt for this referral is missing, expired or for another referral: register the course again to get a new one.",
          { field: "receipt" },
        );
      }
      ctx.audit.touch("Referral", "courseRegisteredAt", referral);
      const now = ctx.clock.now();
      return tx.referral.update({
        where: { id: referral.id },
        data: {
          courseRegisteredAt: now,
          acknowledgedAt: referral.acknowledgedAt ?? now,
          acknowledgedByName: referral.acknowledgedByName ?? ctx.principal.name,
        },
      });
    }),
};
