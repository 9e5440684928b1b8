import { graphql } from "../../generated/gql.ts";
import type { CasePageQuery } from "../../generated/graphql.ts";

/**
 * The whole case picture in one request. It asks for fields some readers may not see
 * (the CPR number, clinical details, the investigation): the gateway refuses those with
 * a reason, which the page shows, instead of the page guessing what is hidden.
 */
export const CasePageDocument = graphql(`
  query CasePage($id: ID!) {
    boernehusCase(id: $id) {
      id region municipalityCode type status abuseTypes burdenLevel childAgeAtReferral referralReceivedAt closedAt
      myAccess { basis expiresAt }
      participants { ...CaseParticipantFields }
      samraadMeetings { id kind status scheduledAt heldAt }
      actionItems { ...ActionItemFields }
      crisisSupportSessions { ...CrisisSupportSessionFields }
      assessment { id status startedAt completedAt summary }
      finalNote {
        id status draftedAt signedAt signedByName sentAt
        recommendations { ...RecommendationFields }
      }
      child {
        id cpr firstName lastName birthDate gender videoInterviewObjection
        notifications { id receivedAt assessmentDueAt assessedAt }
      }
      referral { id referredAt policeReportFiled }
      childAssessment { id decidedAt dueAt completedAt status }
      caseworker { id caseworkerName caseworkerSub from }
      caseworkerHistory { id caseworkerName from to }
      consultations { id heldAt withSector recordedBySector recordedByName }
      motivationRecords { ...BoernehusMotivationRecordFields }
      municipalityMotivationRecords { ...MunicipalityMotivationRecordFields }
      measures { id kind ladderStep legalBasis decidedAt startedAt endedAt }
      recommendationResponses { id recommendationId response respondedAt }
      policeReport {
        id journalNumber district reportedAt investigationStatus suspectRelations
        videoInterviews {
          id status scheduledAt heldAt observers interviewerName custodyObjection objectionOverrideBasis version
        }
      }
      medicalExaminations {
        id kind status scheduledAt performedAt unit findingsSummary clinicalDetails physicianName version
      }
      onwardReferrals { id target referredAt }
    }
  }
`);

/** The case's clocks, apart: a sector that is down costs its clocks, not the case page. */
export const CaseClocksDocument = graphql(`
  query CaseClocks($id: ID!) {
    boernehusCase(id: $id) { ...CaseClocks }
  }
`);

export type CaseData = NonNullable<CasePageQuery["boernehusCase"]>;
