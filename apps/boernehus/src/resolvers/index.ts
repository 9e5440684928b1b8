import { DateScalar, DateTimeScalar } from "@samraad/subgraph-kit";
import type { Resolvers } from "../generated/graphql.ts";
import { AccessReport } from "./accessReport.ts";
import { ActionItem, actionItemMutations } from "./actionItem.ts";
import { alertMutations, alertQueries } from "./alert.ts";
import { Assessment, assessmentMutations } from "./assessment.ts";
import { BoernehusCase, boernehusCaseMutations, boernehusCaseQueries } from "./boernehusCase.ts";
import { caseParticipantMutations, participantFields } from "./caseParticipant.ts";
import { consultationMutations } from "./consultation.ts";
import { courseFromReferralMutations } from "./courseFromReferral.ts";
import { crisisSupportMutations } from "./crisisSupport.ts";
import { emergencyAccessFields, emergencyAccessMutations, emergencyAccessQueries } from "./emergencyAccess.ts";
import { FinalNote, finalNoteMutations, Recommendation } from "./finalNote.ts";
import { followUpFactQueries } from "./followUpFacts.ts";
import { liveSubscriptions, SamraadMeetingPresence } from "./live.ts";
import { motivationMutations } from "./motivation.ts";
import { RestrictedCase, restrictedCaseQueries } from "./restrictedCase.ts";
import { SamraadMeeting, samraadMeetingMutations, samraadMeetingQueries } from "./samraadMeeting.ts";
import { statisticsFactQueries } from "./statisticsFacts.ts";
import { IssuedSurveyLink, surveyCaseFields, surveyMutations, surveyQueries } from "./survey.ts";

export const resolvers: Resolvers = {
  AccessReport,
  DateTime: DateTimeScalar,
  Date: DateScalar,
  BoernehusCase: { ...BoernehusCase, ...emergencyAccessFields, ...participantFields, ...surveyCaseFields },
  IssuedSurveyLink,
  SamraadMeeting: { ...SamraadMeeting, ...SamraadMeetingPresence },
  ActionItem,
  Assessment,
  FinalNote,
  Recommendation,
  RestrictedCase,
  Query: {
    ...alertQueries,
    ...boernehusCaseQueries,
    ...samraadMeetingQueries,
    ...emergencyAccessQueries,
    ...restrictedCaseQueries,
    ...statisticsFactQueries,
    ...followUpFactQueries,
    ...surveyQueries,
  },
  Subscription: liveSubscriptions,
  Mutation: {
    ...alertMutations,
    ...boernehusCaseMutations,
    ...courseFromReferralMutations,
    ...caseParticipantMutations,
    ...samraadMeetingMutations,
    ...actionItemMutations,
    ...crisisSupportMutations,
    ...assessmentMutations,
    ...consultationMutations,
    ...motivationMutations,
    ...finalNoteMutations,
    ...emergencyAccessMutations,
    ...surveyMutations,
  },
};
