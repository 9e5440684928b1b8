import { statisticsFactsSdl } from "@samraad/statistics-catalogue/sdl";
import { subgraphCodegenConfig } from "@samraad/subgraph-kit/codegen";

// Resolvers receive Prisma rows (mappers), and return them; GraphQL types are generated.
export default subgraphCodegenConfig({
  shared: {
    prefix: "Boernehus",
    sectorText: "børnehus",
    internalScope: "boernehus:internal",
    blocks: ["sector", "mutation", "region", "accessLog", "clocks", "alerts", "motivation"],
    alertSubject: "The case whose step is due.",
  },
  generated: [statisticsFactsSdl("boernehus")],
  mappers: {
    BoernehusMotivationRecord: "../data/rows.ts#MotivationRecordRow",
    BoernehusAlert: "@samraad/alerts#AlertView",
    BoernehusWebhookEndpoint: "@samraad/alerts#EndpointView",
    BoernehusWebhookAttempt: "@samraad/alerts#AttemptView",
    BoernehusWebhookDelivery: "@samraad/alerts#DeliveryView",
    AccessReport: "@samraad/subgraph-kit#AccessReportRef",
    BoernehusCase: "../data/rows.ts#CaseRow",
    CaseParticipant: "../data/rows.ts#CaseParticipantRow",
    SamraadMeeting: "../data/rows.ts#MeetingRow",
    MeetingParticipant: "../data/rows.ts#MeetingParticipantRow",
    ActivityDecision: "../data/rows.ts#ActivityDecisionRow",
    ActionItem: "../data/rows.ts#ActionItemRow",
    CrisisSupportSession: "../data/rows.ts#CrisisSupportSessionRow",
    Assessment: "../data/rows.ts#AssessmentRow",
    FinalNote: "../data/rows.ts#FinalNoteRow",
    Recommendation: "../data/rows.ts#RecommendationRow",
    ConsideredDevelopment: "../data/rows.ts#FinalNoteConsiderationRow",
    FinalNoteAge: "../domain/finalNoteAge.ts#FinalNoteAgeView",
    Consultation: "../data/rows.ts#ConsultationRow",
    IssuedSurveyLink: "../domain/survey.ts#IssuedLinkRow",
    SurveyForm: "../domain/survey.ts#SurveyFormRow",
    SurveyReceipt: "../domain/survey.ts#SurveyReceiptRow",
    EmergencyAccess: "../data/rows.ts#EmergencyAccessRow",
    RestrictedCase: "../data/restrictedCases.ts#RestrictedCaseRow",
  },
});
