import { statisticsFactsSdl } from "@samraad/statistics-catalogue/sdl";
import { subgraphCodegenConfig } from "@samraad/subgraph-kit/codegen";

// Resolvers receive Prisma rows (mappers), and return them; GraphQL types are generated.
export default subgraphCodegenConfig({
  shared: {
    prefix: "Police",
    sectorText: "police",
    internalScope: "police:internal",
    blocks: ["sector", "mutation", "accessLog", "clocks", "alerts"],
    alertSubject: "The police report whose interview is due.",
  },
  generated: [statisticsFactsSdl("police")],
  mappers: {
    PoliceAlert: "@samraad/alerts#AlertView",
    PoliceWebhookEndpoint: "@samraad/alerts#EndpointView",
    PoliceWebhookAttempt: "@samraad/alerts#AttemptView",
    PoliceWebhookDelivery: "@samraad/alerts#DeliveryView",
    AccessReport: "@samraad/subgraph-kit#AccessReportRef",
    PoliceReport: "../data/rows.ts#PoliceReportRow",
    VideoInterview: "../data/rows.ts#VideoInterviewRow",
    Suspect: "../data/rows.ts#SuspectRow",
    BoernehusCase: "../data/rows.ts#CaseRef",
  },
});
