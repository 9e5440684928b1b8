import { DateScalar, DateTimeScalar } from "@samraad/subgraph-kit";
import type { Resolvers } from "../generated/graphql.ts";
import { AccessReport } from "./accessReport.ts";
import { alertMutations, alertQueries } from "./alert.ts";
import { BoernehusCase } from "./boernehusCase.ts";
import { PoliceReport, policeReportMutations, policeReportQueries } from "./policeReport.ts";
import { statisticsFactQueries } from "./statisticsFacts.ts";
import { suspectMutations } from "./suspect.ts";
import { VideoInterview, videoInterviewMutations, videoInterviewQueries } from "./videoInterview.ts";

export const resolvers: Resolvers = {
  AccessReport,
  DateTime: DateTimeScalar,
  Date: DateScalar,
  BoernehusCase,
  PoliceReport,
  VideoInterview,
  Query: { ...alertQueries, ...policeReportQueries, ...videoInterviewQueries, ...statisticsFactQueries },
  Mutation: { ...alertMutations, ...policeReportMutations, ...videoInterviewMutations, ...suspectMutations },
};
