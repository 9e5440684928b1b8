import { type AlertView, alertOperations } from "@samraad/alerts";
import type { Context } from "../context.ts";
import { casesCurrentlyHeldBy, casesOfMunicipality } from "../data/alertVisibility.ts";
import { CASEWORKER_CHANGED } from "../domain/alerts.ts";
import type { MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

/**
 * The municipality's own row rule, re-checked on every read: an alert is for the case's current
 * caseworkers in the municipality that owns the referral, so a caseworker who has handed the case
 * on no longer sees it. A change of caseworker (CASEWORKER_CHANGED) is for the leaders of the
 * municipality that owns the referral, who need not take part in the case.
 */
async function visible(ctx: Context, list: AlertView[]): Promise<AlertView[]> {
  if (list.length === 0) return list;
  const caseIds = [...new Set(list.map((a) => a.caseId))];
  const who = { sub: ctx.principal.sub, municipalityCode: ctx.principal.organisation };
  const held = await casesCurrentlyHeldBy(ctx.db, caseIds, who, ctx.clock.now());
  const led = ctx.principal.roles.includes("leader") ? await casesOfMunicipality(ctx.db, caseIds, who.municipalityCode) : new Set<string>();
  return list.filter((a) => (a.kind === CASEWORKER_CHANGED ? led.has(a.caseId) : held.has(a.caseId)));
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
