import { graphql } from "../../generated/gql.ts";
import type { FinalNotePageQuery } from "../../generated/graphql.ts";

export const FinalNotePageDocument = graphql(`
  query FinalNotePage($caseId: ID!) {
    boernehusCase(id: $caseId) {
      id
      status
      type
      child {
        id
        firstName
        lastName
      }
      finalNote {
        id
        status
        text
        draftedAt
        signedAt
        signedByName
        sentAt
        version
        consideredDevelopments {
          kind
          recordId
          occurredAt
        }
        recommendations {
          id
          kind
          description
          response {
            id
            response
            otherSupport
            otherSupportKind
            declineReason
            note
            respondedAt
            respondedByName
            measure {
              id
              kind
              ladderStep
            }
          }
        }
      }
      measures {
        id
        kind
        ladderStep
        decidedAt
      }
      finalNoteAge {
        from
        to
        sent
        days
        months
        band
        analysisLowMonths
        analysisHighMonths
      }
      developmentsSinceAssessment {
        since
        items {
          kind
          recordId
          at
          measure {
            id
            kind
            ladderStep
          }
          notification {
            id
            receivedAt
          }
          caseworkerAssignment {
            id
            caseworkerName
          }
        }
      }
    }
  }
`);

/** The municipality's signed list of what happened since the assessment began (120 s), fetched right before the note is saved. */
export const DevelopmentsStatementDocument = graphql(`
  query DevelopmentsStatement($id: ID!) {
    boernehusCase(id: $id) {
      id
      developmentsSinceAssessment {
        statement
      }
    }
  }
`);

export type FinalNoteCase = NonNullable<FinalNotePageQuery["boernehusCase"]>;
export type FinalNoteData = NonNullable<FinalNoteCase["finalNote"]>;

export const DraftFinalNoteDocument = graphql(`
  mutation DraftFinalNote($input: DraftFinalNoteInput!) {
    draftFinalNote(input: $input) {
      id
      status
      text
      version
      consideredDevelopments {
        kind
        recordId
        occurredAt
      }
      recommendations {
        id
        kind
        description
      }
    }
  }
`);

export const ReviseFinalNoteDraftDocument = graphql(`
  mutation ReviseFinalNoteDraft($input: ReviseFinalNoteDraftInput!) {
    reviseFinalNoteDraft(input: $input) {
      id
      status
      text
      version
      consideredDevelopments {
        kind
        recordId
        occurredAt
      }
      recommendations {
        id
        kind
        description
      }
    }
  }
`);

export const SignFinalNoteDocument = graphql(`
  mutation SignFinalNote($input: FinalNoteVersionInput!) {
    signFinalNote(input: $input) {
      id
      status
      signedAt
      signedByName
      version
    }
  }
`);

export const SendFinalNoteDocument = graphql(`
  mutation SendFinalNote($input: FinalNoteVersionInput!) {
    sendFinalNote(input: $input) {
      id
      status
      sentAt
      version
    }
  }
`);

export const DecideMeasureDocument = graphql(`
  mutation DecideMeasure($input: DecideMeasureInput!) {
    decideMeasure(input: $input) {
      id
      kind
      ladderStep
      decidedAt
      startedAt
    }
  }
`);

/** The børnehus's 60-second write grants for a case's recommendations, fetched right before an answer. */
export const RecommendationWriteGrantsDocument = graphql(`
  query RecommendationWriteGrants($id: ID!) {
    boernehusCase(id: $id) {
      id
      finalNote {
        id
        recommendations {
          id
          writeGrant
        }
      }
    }
  }
`);

export const RespondToRecommendationDocument = graphql(`
  mutation RespondToRecommendation($input: RespondToRecommendationInput!) {
    respondToRecommendation(input: $input) {
      id
      recommendationId
      response
      otherSupport
      otherSupportKind
      declineReason
      note
      respondedAt
      respondedByName
    }
  }
`);
