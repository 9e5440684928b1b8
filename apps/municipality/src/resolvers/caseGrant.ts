import { type CaseGrant, verifyCaseGrant } from "@samraad/access";
import { DomainError, markEmergency, requireCaseGrant } from "@samraad/subgraph-kit";
import DataLoader from "dataloader";
import type { Context } from "../context.ts";
import type { CaseRef, RecommendationRef, RecommendationResponseRow } from "../data/rows.ts";

/**
 * The municipality's part of a case needs the børnehus subgraph's grant for this principal
 * and this case (@requires(fields: "accessGrant")); without it: FORBIDDEN, before anything
 * is loaded. The request remembers the cases it holds a grant for, so a child reached through
 * one case lists that case's referral and not the child's other cases (Child.referrals).
 *
 * requireCaseGrant (the kit) batches the checks per request, so the N cases of one query
 * plan step are verified together and their rows then loaded together (no N+1).
 */
export async function requireGrant(ctx: Context, ref: CaseRef): Promise<void> {
  const grant = await requireCaseGrant(ctx, ref);
  ctx.grantedCaseIds.add(grant.caseId);
}

/**
 * A Recommendation's grant names the recommendation's case, which the id alone does not
 * tell: the grant must be this principal's, and a response (if any) must belong to the
 * grant's case.
 */
export async function grantedResponse(ctx: Context, ref: RecommendationRef): Promise<RecommendationResponseRow | null> {
  const grant = await grantsOf(ctx).anyCase.load(ref.accessGrant ?? "");
  if (!grant) throw refuse(ctx, undefined);
  const response = await ctx.loaders.responseByRecommendationId.load(ref.id);
  if (response && response.caseId !== grant.caseId) throw refuse(ctx, response.caseId);
  markEmergency(ctx, grant);
  ctx.grantedCaseIds.add(grant.caseId);
  return response;
}

type GrantLoaders = {
  anyCase: DataLoader<string, CaseGrant | null>;
};
const perRequest = new WeakMap<Context, GrantLoaders>();

function grantsOf(ctx: Context): GrantLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      anyCase: new DataLoader((tokens) =>
        Promise.all(tokens.map((token) => verifyCaseGrant(token, { principal: ctx.principal, keys: ctx.grantKeys }))),
      ),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}

function refuse(ctx: Context, caseId: string | undefined): DomainError {
  ctx.audit.deny("Recommendation", "accessGrant", { caseId });
  return new DomainError("FORBIDDEN", "No access to this case: it must be reached through the case you take part in.");
}
