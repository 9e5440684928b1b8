import { alertOperations } from "@samraad/alerts";
import type { MutationResolvers, QueryResolvers } from "../generated/graphql.ts";

// The police's own row rule decides: an alert is for the investigators of the district that owns the report.
const alerts = alertOperations("POLICE");

export const alertQueries: Pick<QueryResolvers, "myPoliceAlerts" | "policeWebhookEndpoints" | "policeWebhookDeliveries"> = {
  myPoliceAlerts: (_root, args, ctx) => alerts.myAlerts(ctx, args),
  policeWebhookEndpoints: (_root, _args, ctx) => alerts.endpoints(ctx),
  policeWebhookDeliveries: (_root, { first }, ctx) => alerts.deliveries(ctx, first),
};

export const alertMutations: Pick<MutationResolvers, "markPoliceAlertRead" | "acknowledgePoliceAlert" | "registerPoliceWebhookEndpoint"> = {
  markPoliceAlertRead: (_root, { id }, ctx) => alerts.markRead(ctx, id),
  acknowledgePoliceAlert: (_root, { id }, ctx) => alerts.acknowledge(ctx, id),
  registerPoliceWebhookEndpoint: (_root, { url }, ctx) => alerts.registerEndpoint(ctx, url),
};
