import { DateTimeScalar } from "@samraad/subgraph-kit";
import type { Resolvers } from "../generated/graphql.ts";
import { BoernehusCase } from "./boernehusCase.ts";
import { MedicalExamination, medicalExaminationMutations, medicalExaminationQueries } from "./medicalExamination.ts";
import { onwardReferralMutations } from "./onwardReferral.ts";

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  BoernehusCase,
  MedicalExamination,
  Query: { ...medicalExaminationQueries },
  Mutation: { ...medicalExaminationMutations, ...onwardReferralMutations },
};
