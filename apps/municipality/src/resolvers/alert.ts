import { type AlertView, alertOperations } from "@samraad/alerts";
import type { Context } from "../context.ts";
import type { MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

/**
 * The municipality's own row rule, re-checked on every read: an alert is for the case's current
 * caseworkers in the municipality that owns the referral, so a caseworker who has handed the case
 * on no longer sees it.
 */
async function visible(ctx: Context, list: AlertView[]): Promise<AlertView[]> {
  if (list.length === 0) return list;
  const now = ctx.clock.now();
  const current = await ctx.db.caseworkerAssignment.findMany({
    where: {
      caseId: { in: [...new Set(list.map((a) => a.caseId))] },
      caseworkerSub: ctx.principal.sub,
      from: { lte: now },
      OR: [{ to: null }, { to: { gt: now } }],
      referral: { municipalityCode: ctx.principal.organisation },
    },
    select: { caseId: true },
  });
  const cases = new Set(current.map((a) => a.caseId));
  return list.filter((a) => cases.has(a.caseId));
}

const alerts = alertOperations("MUNICIPALITY", (ctx, list) => visible(ctx as Context, list));

export const alertQueries: Pick<QueryResolvers, "myMunicipalityAlerts" | "municipalityWebhookEndpoints" | "municipalityWebhookDeliveries"> =
  {
    myMunicipalityAlerts: (_root, args, ctx) => alerts.myAlerts(ctx, args),
    municipalityWebhookEndpoints: (_root, _args, ctx) => alerts.endpoints(ctx),
    municipalityWebhookDeliveries: (_root, { first }, ctx) => alerts.deliveries(ctx, first),
  };

export const alertMutations: Pick<
  MutationResolvers,
  "markMunicipalityAlertRead" | "acknowledgeMunicipalityAlert" | "registerMunicipalityWebhookEndpoint"
> = {
  markMunicipalityAlertRead: (_root, { id }, ctx) => alerts.markRead(ctx, id),
  acknowledgeMunicipalityAlert: (_root, { id }, ctx) => alerts.acknowledge(ctx, id),
  registerMunicipalityWebhookEndpoint: (_root, { url }, ctx) => alerts.registerEndpoint(ctx, url),
};
