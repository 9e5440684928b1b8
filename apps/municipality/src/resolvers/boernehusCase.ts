import { MUNICIPALITY_STATEMENT_ISSUER, signStatement } from "@samraad/access";
import { grantedCaseField } from "@samraad/subgraph-kit";
import type { Context } from "../context.ts";
import { assessmentForReferral } from "../domain/childAssessment.ts";
import { municipalityClocks } from "../domain/clocks.ts";
import { developmentsSince } from "../domain/developments.ts";
import type { BoernehusCaseResolvers, CaseDevelopmentsResolvers } from "../generated/graphql.ts";
import { requireGrant } from "./caseGrant.ts";

/** A field that loads by the case id, behind this subgraph's grant check (which also remembers the case). */
const granted = <R>(load: (ctx: Context, caseId: string) => Promise<R>) => grantedCaseField(load, requireGrant);

/**
 * The municipality's part of the hub entity, all resolved from Referral.caseId through loaders.
 * Every field needs the børnehus subgraph's grant for this principal and case before anything is loaded.
 */
export const BoernehusCase: BoernehusCaseResolvers = {
  // The representation is the CaseRef: id, the grant and the børnehus's facts for the clocks (@requires).
  __resolveReference: (ref) => ref,
  referral: granted((ctx, caseId) => ctx.loaders.referralByCaseId.load(caseId)),
  child: granted(async (ctx, caseId) => {
    const referral = await ctx.loaders.referralByCaseId.load(caseId);
    return referral ? ctx.loaders.childById.load(referral.childId) : null;
  }),
  childAssessment: granted(async (ctx, caseId) => {
    const referral = await ctx.loaders.referralByCaseId.load(caseId);
    if (!referral) return null;
    return assessmentForReferral(await ctx.loaders.assessmentsByChildId.load(referral.childId), referral.referredAt);
  }),
  caseworker: granted(async (ctx, caseId) => (await ctx.loaders.assignmentsByCaseId.load(caseId)).findLast((a) => a.to === null) ?? null),
  caseworkerHistory: granted((ctx, caseId) => ctx.loaders.assignmentsByCaseId.load(caseId)),
  municipalityMotivationRecords: granted((ctx, caseId) => ctx.loaders.motivationRecordsByCaseId.load(caseId)),
  measures: granted((ctx, caseId) => ctx.loaders.measuresByCaseId.load(caseId)),
  recommendationResponses: granted((ctx, caseId) => ctx.loaders.responsesByCaseId.load(caseId)),
  // The municipality's signed word, for the police's booking, on whether a custody holder objects.
  custodyStatement: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    const referral = await ctx.loaders.referralByCaseId.load(ref.id);
    if (!referral) return null;
    const holders = await ctx.loaders.custodyHoldersByChildId.load(referral.childId);
    return signStatement(
      "custody",
      { caseId: ref.id, objection: holders.some((h) => h.objectsToVideoInterview) },
      { sub: ctx.principal.sub, issuer: MUNICIPALITY_STATEMENT_ISSUER, privateKey: ctx.statementKeys.privateKey },
    );
  },
  municipalityClocks: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    const referral = await ctx.loaders.referralByCaseId.load(ref.id);
    if (!referral) return [];
    const [referralsOfChild, notifications, assessments, measures, responses] = await Promise.all([
      ctx.loaders.referralsByChildId.load(referral.childId),
      ctx.loaders.notificationsByChildId.load(referral.childId),
      ctx.loaders.assessmentsByChildId.load(referral.childId),
      ctx.loaders.measuresByCaseId.load(ref.id),
      ctx.loaders.responsesByCaseId.load(ref.id),
    ]);
    const hub = {
      finalNoteSentAt: ref.finalNoteSentAt ? new Date(ref.finalNoteSentAt) : null,
      recommendationIds: ref.recommendationIds ?? [],
    };
    const facts = { referral, referralsOfChild, notifications, assessments, measures, responses, hub };
    return municipalityClocks(facts, ctx.clock.definitions, ctx.clock.now());
  },
  developmentsSinceAssessment: async (ref, _args, ctx) => {
    await requireGrant(ctx, ref);
    if (!ref.assessmentStartedAt) return null;
    const referral = await ctx.loaders.referralByCaseId.load(ref.id);
    if (!referral) return null;
    const since = new Date(ref.assessmentStartedAt);
    const [measures, notifications, assignments] = await Promise.all([
      ctx.loaders.measuresByCaseId.load(ref.id),
      ctx.loaders.notificationsByChildId.load(referral.childId),
      ctx.loaders.assignmentsByCaseId.load(ref.id),
    ]);
    return { caseId: ref.id, since, items: developmentsSince(since, ctx.clock.now(), { measures, notifications, assignments }) };
  },
};

/**
 * The municipality's signed word for the list (kind and record id of each item), for the final
 * note's write in the børnehus subgraph: the børnehus verifies it and stores only what it names.
 */
export const CaseDevelopments: CaseDevelopmentsResolvers = {
  statement: async (developments, _args, ctx) => {
    return signStatement(
      "developments",
      {
        caseId: developments.caseId,
        since: developments.since.toISOString(),
        items: developments.items.map((d) => ({ kind: d.kind, id: d.recordId, at: d.at.toISOString() })),
      },
      { sub: ctx.principal.sub, issuer: MUNICIPALITY_STATEMENT_ISSUER, privateKey: ctx.statementKeys.privateKey },
    );
  },
};
