import { statisticsFactsSdl } from "@samraad/statistics-catalogue/sdl";
import { subgraphCodegenConfig } from "@samraad/subgraph-kit/codegen";

// Resolvers receive Prisma rows (mappers), and return them; GraphQL types are generated.
export default subgraphCodegenConfig({
  shared: {
    prefix: "Municipality",
    sectorText: "municipality",
    internalScope: "municipality:internal",
    blocks: ["sector", "mutation", "region", "accessLog", "clocks", "alerts", "motivation"],
    alertSubject: "The case whose step is due.",
  },
  generated: [statisticsFactsSdl("municipality")],
  mappers: {
    MunicipalityMotivationRecord: "../data/rows.ts#MotivationRecordRow",
    MunicipalityAlert: "@samraad/alerts#AlertView",
    MunicipalityWebhookEndpoint: "@samraad/alerts#EndpointView",
    MunicipalityWebhookAttempt: "@samraad/alerts#AttemptView",
    MunicipalityWebhookDelivery: "@samraad/alerts#DeliveryView",
    AccessReport: "@samraad/subgraph-kit#AccessReportRef",
    Child: "../data/rows.ts#ChildRow",
    CustodyHolder: "../data/rows.ts#CustodyHolderRow",
    Notification: "../data/rows.ts#NotificationRow",
    ChildAssessment: "../data/rows.ts#ChildAssessmentRow",
    Referral: "../data/rows.ts#ReferralRow",
    CaseworkerAssignment: "../data/rows.ts#CaseworkerAssignmentRow",
    Measure: "../data/rows.ts#MeasureRow",
    RecommendationResponse: "../data/rows.ts#RecommendationResponseRow",
    BoernehusCase: "../data/rows.ts#CaseRef",
    Recommendation: "../data/rows.ts#RecommendationRef",
    CaseDevelopments: "../domain/developments.ts#CaseDevelopmentsRow",
    CaseDevelopment: "../domain/developments.ts#CaseDevelopmentRow",
  },
});
