import { alertOperations } from "@samraad/alerts";
import type { Context } from "../context.ts";
import { visibleAlerts } from "../domain/alerts.ts";
import type { MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

// The municipality's own row rule decides who reads an alert (visibleAlerts).
const alerts = alertOperations("MUNICIPALITY", (ctx, list) => visibleAlerts(ctx as Context, list));

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
