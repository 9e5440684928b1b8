import { DateTimeScalar } from "@samraad/subgraph-kit";
import type { Resolvers } from "../generated/graphql.ts";
import { ActionItem, actionItemMutations } from "./actionItem.ts";
import { Assessment, assessmentMutations } from "./assessment.ts";
import { BoernehusCase, boernehusCaseMutations, boernehusCaseQueries } from "./boernehusCase.ts";
import { caseParticipantMutations } from "./caseParticipant.ts";
import { consultationMutations } from "./consultation.ts";
import { crisisSupportMutations } from "./crisisSupport.ts";
import { FinalNote, finalNoteMutations, Recommendation } from "./finalNote.ts";
import { SamraadMeeting, samraadMeetingMutations, samraadMeetingQueries } from "./samraadMeeting.ts";

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  BoernehusCase,
  SamraadMeeting,
  ActionItem,
  Assessment,
  FinalNote,
  Recommendation,
  Query: { ...boernehusCaseQueries, ...samraadMeetingQueries },
  Mutation: {
    ...boernehusCaseMutations,
    ...caseParticipantMutations,
    ...samraadMeetingMutations,
    ...actionItemMutations,
    ...crisisSupportMutations,
    ...assessmentMutations,
    ...consultationMutations,
    ...finalNoteMutations,
  },
};
