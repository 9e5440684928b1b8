import { DateTimeScalar } from "@samraad/subgraph-kit";
import type { Resolvers } from "../generated/graphql.ts";
import { AccessReport } from "./accessReport.ts";
import { BoernehusCase } from "./boernehusCase.ts";
import { MedicalExamination, medicalExaminationMutations, medicalExaminationQueries } from "./medicalExamination.ts";
import { onwardReferralMutations } from "./onwardReferral.ts";

export const resolvers: Resolvers = {
  AccessReport,
  DateTime: DateTimeScalar,
  BoernehusCase,
  MedicalExamination,
  Query: { ...medicalExaminationQueries },
  Mutation: { ...medicalExaminationMutations, ...onwardReferralMutations },
};
