import { type AlertView, alertOperations } from "@samraad/alerts";
import type { Context } from "../context.ts";
import { EMERGENCY_UNJUSTIFIED_ALERT } from "../domain/emergencyAccess.ts";
import type { MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

/**
 * The børnehus's row rules, re-checked on every read: an alert of a case you no longer see is gone.
 * Except the alert that someone of your organisation opened a case unjustifiably: it is for the
 * leader and DPO who cannot open that case, and says only its id and the opening's.
 */
async function visible(ctx: Context, list: AlertView[]): Promise<AlertView[]> {
  const seen = await Promise.all(list.map((a) => (a.kind === EMERGENCY_UNJUSTIFIED_ALERT ? true : ctx.access.visibleCase(a.caseId))));
  return list.filter((_a, i) => seen[i] !== null);
}

const alerts = alertOperations("BOERNEHUS", (ctx, list) => visible(ctx as Context, list));

export const alertQueries: Pick<QueryResolvers, "myBoernehusAlerts" | "boernehusWebhookEndpoints" | "boernehusWebhookDeliveries"> = {
  myBoernehusAlerts: (_root, args, ctx) => alerts.myAlerts(ctx, args),
  boernehusWebhookEndpoints: (_root, _args, ctx) => alerts.endpoints(ctx),
  boernehusWebhookDeliveries: (_root, { first }, ctx) => alerts.deliveries(ctx, first),
};

export const alertMutations: Pick<
  MutationResolvers,
  "markBoernehusAlertRead" | "acknowledgeBoernehusAlert" | "registerBoernehusWebhookEndpoint"
> = {
  markBoernehusAlertRead: (_root, { id }, ctx) => alerts.markRead(ctx, id),
  acknowledgeBoernehusAlert: (_root, { id }, ctx) => alerts.acknowledge(ctx, id),
  registerBoernehusWebhookEndpoint: (_root, { url }, ctx) => alerts.registerEndpoint(ctx, url),
};
