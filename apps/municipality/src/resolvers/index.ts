import { DateScalar, DateTimeScalar } from "@samraad/subgraph-kit";
import type { Resolvers } from "../generated/graphql.ts";
import { AccessReport, accessReportQueries } from "./accessReport.ts";
import { alertMutations, alertQueries } from "./alert.ts";
import { BoernehusCase, CaseDevelopments } from "./boernehusCase.ts";
import { caseworkerMutations, caseworkerQueries } from "./caseworker.ts";
import { Child, childMutations, childQueries } from "./child.ts";
import { ChildAssessment, childAssessmentMutations } from "./childAssessment.ts";
import { handoverMutations, handoverQueries, referralHandoverFields } from "./handover.ts";
import { Measure, measureMutations } from "./measure.ts";
import { motivationMutations } from "./motivation.ts";
import { Notification, notificationMutations } from "./notification.ts";
import { Recommendation, RecommendationResponse, recommendationResponseMutations } from "./recommendationResponse.ts";
import { Referral, referralMutations, referralQueries } from "./referral.ts";
import { statisticsFactQueries } from "./statisticsFacts.ts";

export const resolvers: Resolvers = {
  AccessReport,
  DateTime: DateTimeScalar,
  Date: DateScalar,
  BoernehusCase,
  CaseDevelopments,
  Recommendation,
  Child,
  Notification,
  ChildAssessment,
  Referral: { ...Referral, ...referralHandoverFields },
  Measure,
  RecommendationResponse,
  Query: {
    ...accessReportQueries,
    ...alertQueries,
    ...childQueries,
    ...referralQueries,
    ...handoverQueries,
    ...statisticsFactQueries,
    ...caseworkerQueries,
  },
  Mutation: {
    ...alertMutations,
    ...childMutations,
    ...notificationMutations,
    ...childAssessmentMutations,
    ...referralMutations,
    ...handoverMutations,
    ...caseworkerMutations,
    ...measureMutations,
    ...recommendationResponseMutations,
    ...motivationMutations,
  },
};
