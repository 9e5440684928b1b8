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
