import type { Principal } from "@samraad/access";
import { assertUuid, forbidden, notFound } from "@samraad/subgraph-kit";
import { validateEndpointUrl } from "./endpointAddress.ts";
import type { AlertStore, AlertView } from "./store.ts";

/** Who may register endpoints and read the delivery log: the organisation's leaders and its system. */
const WEBHOOK_ROLES = ["leader", "system"];

export function assertWebhookAdmin(principal: Principal, sector: string): void {
  if (principal.sector !== sector || !principal.roles.some((r) => WEBHOOK_ROLES.includes(r))) {
    throw forbidden(`Only a leader or the system of a ${sector.toLowerCase()} organisation manages its webhooks.`);
  }
}

interface AlertContext {
  principal: Principal;
  alerts: AlertStore;
  clock: { now(): Date };
}

export const pageOf = (first: number | null | undefined) => Math.min(Math.max(first ?? 50, 1), 200);

/**
 * The resolvers every subgraph's alerts share (the types are per subgraph: Hive Gateway does
 * not merge an object type that several subgraphs define). `visible` lets the owner of the row
 * rules drop alerts of cases the reader may no longer see.
 */
export function alertOperations(
  sector: string,
  visible: (ctx: AlertContext, alerts: AlertView[]) => Promise<AlertView[]> = async (_c, a) => a,
) {
  const mark = async (ctx: AlertContext, id: string, what: "read" | "acknowledged") => {
    const alert = await ctx.alerts.mark(ctx.principal, assertUuid(id, "id"), what, ctx.clock.now());
    if (!alert || (await visible(ctx, [alert])).length === 0) throw notFound("The alert");
    return alert;
  };
  return {
    myAlerts: async (ctx: AlertContext, args: { unacknowledgedOnly?: boolean | null; first?: number | null }) =>
      visible(
        ctx,
        await ctx.alerts.forReader(ctx.principal, { unacknowledgedOnly: args.unacknowledgedOnly ?? true, first: pageOf(args.first) }),
      ),
    markRead: (ctx: AlertContext, id: string) => mark(ctx, id, "read"),
    acknowledge: (ctx: AlertContext, id: string) => mark(ctx, id, "acknowledged"),
    registerEndpoint: async (ctx: AlertContext, url: string) => {
      assertWebhookAdmin(ctx.principal, sector);
      const endpoint = await ctx.alerts.registerEndpoint(
        {
          sector,
          organisation: ctx.principal.organisation,
          url: await validateEndpointUrl(url, ctx.alerts.webhookPolicy),
          createdBySub: ctx.principal.sub,
        },
        ctx.clock.now(),
      );
      return { endpoint, secret: endpoint.secret };
    },
    endpoints: (ctx: AlertContext) => {
      assertWebhookAdmin(ctx.principal, sector);
      return ctx.alerts.endpoints(sector, ctx.principal.organisation);
    },
    deliveries: (ctx: AlertContext, first: number | null | undefined) => {
      assertWebhookAdmin(ctx.principal, sector);
      return ctx.alerts.deliveries(sector, ctx.principal.organisation, pageOf(first));
    },
  };
}
