import { graphql } from "../../generated/gql.ts";

/**
 * The operations of the course steps that had no screen before (issue 20, point 2): each
 * used by the sector and role that owns the step. One file, so the trusted-documents
 * manifest shows them together. A flat selection stands on one line; a selection a
 * component renders in more than one place is a fragment next to that component.
 */

/** Police: the booked video interview was held. */
export const RecordVideoInterviewHeldDocument = graphql(`
  mutation RecordVideoInterviewHeld($input: RecordVideoInterviewHeldInput!, $idempotencyKey: String) {
    recordVideoInterviewHeld(input: $input, idempotencyKey: $idempotencyKey) { id status heldAt observers version }
  }
`);

/** Børnehus: a crisis-support session with the child or a caregiver. */
export const RecordCrisisSupportSessionDocument = graphql(`
  mutation RecordCrisisSupportSession($input: RecordCrisisSupportSessionInput!, $idempotencyKey: String) {
    recordCrisisSupportSession(input: $input, idempotencyKey: $idempotencyKey) { ...CrisisSupportSessionFields }
  }
`);

/** Børnehus: cancel or move a planned samråd. */
export const CancelSamraadMeetingDocument = graphql(`
  mutation CancelSamraadMeeting($input: CancelSamraadMeetingInput!, $idempotencyKey: String) {
    cancelSamraadMeeting(input: $input, idempotencyKey: $idempotencyKey) { id status cancellationReason version }
  }
`);
export const MoveSamraadMeetingDocument = graphql(`
  mutation MoveSamraadMeeting($input: MoveSamraadMeetingInput!, $idempotencyKey: String) {
    moveSamraadMeeting(input: $input, idempotencyKey: $idempotencyKey) { id status scheduledAt version }
  }
`);

/**
 * A person's alerts from every sector at once: each subgraph answers only the alerts addressed
 * to the caller (a police leader's "emergency access unjustified" is raised by the børnehus).
 */
export const MyAlertsDocument = graphql(`
  query MyAlerts {
    myMunicipalityAlerts(unacknowledgedOnly: true, first: 100) { ...MunicipalityAlertFields }
    myPoliceAlerts(unacknowledgedOnly: true, first: 100) { ...PoliceAlertFields }
    myBoernehusAlerts(unacknowledgedOnly: true, first: 100) { ...BoernehusAlertFields }
  }
`);

/** Acknowledging an alert, in the sector that raised it. */
export const AcknowledgeMunicipalityAlertDocument = graphql(`
  mutation AcknowledgeMunicipalityAlert($id: ID!) { acknowledgeMunicipalityAlert(id: $id) { id acknowledgedAt } }
`);
export const AcknowledgePoliceAlertDocument = graphql(`
  mutation AcknowledgePoliceAlert($id: ID!) { acknowledgePoliceAlert(id: $id) { id acknowledgedAt } }
`);
export const AcknowledgeBoernehusAlertDocument = graphql(`
  mutation AcknowledgeBoernehusAlert($id: ID!) { acknowledgeBoernehusAlert(id: $id) { id acknowledgedAt } }
`);

/** The data protection officer: the access report of a child, found by CPR number. */
export const AccessReportForCprDocument = graphql(`
  query AccessReportForCpr($cpr: String!) {
    accessReportForCpr(cpr: $cpr) {
      childId
      caseIds
      municipalityLog { ...MunicipalityAccessLogFields }
      policeLog { ...PoliceAccessLogFields }
      healthLog { ...HealthAccessLogFields }
      boernehusLog { ...BoernehusAccessLogFields }
    }
  }
`);

/** Leaders: break-the-glass openings of their organisation's cases, awaiting review. */
export const EmergencyAccessesForReviewDocument = graphql(`
  query EmergencyAccessesForReview {
    emergencyAccessesForReview(first: 100) { id caseId name sector organisation reason openedAt expiresAt }
  }
`);

export const ReviewEmergencyAccessDocument = graphql(`
  mutation ReviewEmergencyAccess($input: ReviewEmergencyAccessInput!, $idempotencyKey: String) {
    reviewEmergencyAccess(input: $input, idempotencyKey: $idempotencyKey) { id reviewedAt reviewedByName reviewOutcome reviewNote }
  }
`);

/** Municipality: start a decided measure (the 6-month follow-up is met when a recommended measure starts). */
export const StartMeasureDocument = graphql(`
  mutation StartMeasure($input: StartMeasureInput!, $idempotencyKey: String) {
    startMeasure(input: $input, idempotencyKey: $idempotencyKey) { id startedAt version }
  }
`);

/** The child's name for a case an alert or a review row names (null where the reader may not see it). */
export const CaseNameDocument = graphql(`
  query CaseName($id: ID!) {
    boernehusCase(id: $id) { id child { ...ChildName } }
  }
`);

/** The 6-month follow-up of one case: the note's recommendations, the answers, the measures and the clock. */
export const FollowUpDocument = graphql(`
  query FollowUp($id: ID!) {
    boernehusCase(id: $id) {
      id
      status
      myAccess { basis }
      child { ...ChildName }
      finalNote {
        id status sentAt
        recommendations { ...RecommendationFields }
      }
      recommendationResponses {
        id recommendationId response respondedAt otherSupport otherSupportKind declineReason
        measure { id }
      }
      measures { id kind ladderStep decidedAt startedAt endedAt version }
      municipalityClocks { ...MunicipalityClockFields }
    }
  }
`);

export const StartAssessmentDocument = graphql(`
  mutation StartAssessment($input: StartAssessmentInput!, $idempotencyKey: String) {
    startAssessment(input: $input, idempotencyKey: $idempotencyKey) { id status startedAt }
  }
`);

export const CompleteAssessmentDocument = graphql(`
  mutation CompleteAssessment($input: CompleteAssessmentInput!, $idempotencyKey: String) {
    completeAssessment(input: $input, idempotencyKey: $idempotencyKey) { id status completedAt summary }
  }
`);

/** Børnehus: the child's and the family's motivation at the planning samråd or the final note (issue 23). */
export const RecordBoernehusMotivationDocument = graphql(`
  mutation RecordBoernehusMotivation($input: BoernehusMotivationInput!, $idempotencyKey: String) {
    recordBoernehusMotivation(input: $input, idempotencyKey: $idempotencyKey) { id setPoint version }
  }
`);

/** Municipality: the motivation at its answer or the 6-month follow-up, with the case's write grant. */
export const RecordMunicipalityMotivationDocument = graphql(`
  mutation RecordMunicipalityMotivation($input: MunicipalityMotivationInput!, $caseGrant: String, $idempotencyKey: String) {
    recordMunicipalityMotivation(input: $input, caseGrant: $caseGrant, idempotencyKey: $idempotencyKey) { id setPoint version }
  }
`);
