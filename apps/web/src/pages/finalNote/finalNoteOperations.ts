import { graphql } from "../../generated/gql.ts";
import type { FinalNotePageQuery } from "../../generated/graphql.ts";

/** The draft as the editor holds it: drafting and revising return the same. */
export const FinalNoteDraftFieldsFragmentDoc = graphql(`
  fragment FinalNoteDraftFields on FinalNote {
    id status text version
    consideredDevelopments { kind recordId occurredAt }
    recommendations { ...RecommendationFields }
  }
`);

/** A municipality's answer to a recommendation, as the note shows it and answering returns it. */
export const RecommendationResponseFieldsFragmentDoc = graphql(`
  fragment RecommendationResponseFields on RecommendationResponse {
    id response otherSupport otherSupportKind declineReason note respondedAt respondedByName
  }
`);

export const FinalNotePageDocument = graphql(`
  query FinalNotePage($caseId: ID!) {
    boernehusCase(id: $caseId) {
      id status type
      child { ...ChildName }
      finalNote {
        ...FinalNoteDraftFields
        draftedAt signedAt signedByName sentAt
        recommendations {
          id
          response {
            ...RecommendationResponseFields
            measure { id kind ladderStep }
          }
        }
      }
      measures { id kind ladderStep decidedAt }
      finalNoteAge { from to sent days months band analysisLowMonths analysisHighMonths }
      developmentsSinceAssessment {
        since
        items {
          kind recordId at
          measure { id kind ladderStep }
          notification { id receivedAt }
          caseworkerAssignment { id caseworkerName }
        }
      }
    }
  }
`);

/** The municipality's signed list of what happened since the assessment began (120 s), fetched right before the note is saved. */
export const DevelopmentsStatementDocument = graphql(`
  query DevelopmentsStatement($id: ID!) {
    boernehusCase(id: $id) { id developmentsSinceAssessment { statement } }
  }
`);

export type FinalNoteCase = NonNullable<FinalNotePageQuery["boernehusCase"]>;
export type FinalNoteData = NonNullable<FinalNoteCase["finalNote"]>;

export const DraftFinalNoteDocument = graphql(`
  mutation DraftFinalNote($input: DraftFinalNoteInput!) {
    draftFinalNote(input: $input) { ...FinalNoteDraftFields }
  }
`);

export const ReviseFinalNoteDraftDocument = graphql(`
  mutation ReviseFinalNoteDraft($input: ReviseFinalNoteDraftInput!) {
    reviseFinalNoteDraft(input: $input) { ...FinalNoteDraftFields }
  }
`);

export const SignFinalNoteDocument = graphql(`
  mutation SignFinalNote($input: FinalNoteVersionInput!) {
    signFinalNote(input: $input) { id status signedAt signedByName version }
  }
`);

export const SendFinalNoteDocument = graphql(`
  mutation SendFinalNote($input: FinalNoteVersionInput!) {
    sendFinalNote(input: $input) { id status sentAt version }
  }
`);

export const DecideMeasureDocument = graphql(`
  mutation DecideMeasure($input: DecideMeasureInput!) {
    decideMeasure(input: $input) { id kind ladderStep decidedAt startedAt }
  }
`);

/** The børnehus's 60-second write grants for a case's recommendations, fetched right before an answer. */
export const RecommendationWriteGrantsDocument = graphql(`
  query RecommendationWriteGrants($id: ID!) {
    boernehusCase(id: $id) {
      id
      finalNote { id recommendations { id writeGrant } }
    }
  }
`);

export const RespondToRecommendationDocument = graphql(`
  mutation RespondToRecommendation($input: RespondToRecommendationInput!) {
    respondToRecommendation(input: $input) { ...RecommendationResponseFields recommendationId }
  }
`);
