import { graphql } from "../../generated/gql.ts";

/**
 * The referral hand-off (docs/access-model.md, "The referral hand-off"): the caseworker refers,
 * the børnehus acknowledges and registers the course from the municipality's signed statement,
 * and the status flows back to the municipality's list.
 */

/** What both sides' lists show of a referral: the municipality's sent ones and the børnehus's incoming. */
export const ReferralRowFieldsFragmentDoc = graphql(`
  fragment ReferralRowFields on Referral {
    id caseId referredAt boernehusRegion abuseTypes referredByName handoverStatus acknowledgedAt acknowledgedByName
    child { ...ChildName }
  }
`);

export const MunicipalityReferralsDocument = graphql(`
  query MunicipalityReferrals($municipalityCode: String!) {
    referralsForMunicipality(municipalityCode: $municipalityCode, first: 100) { ...ReferralRowFields courseRegisteredAt }
  }
`);

export const RegisterChildForReferralDocument = graphql(`
  mutation RegisterChildForReferral($input: RegisterChildInput!) { registerChild(input: $input) { ...ChildName } }
`);

export const RecordNotificationForReferralDocument = graphql(`
  mutation RecordNotificationForReferral($input: RecordNotificationInput!) { recordNotification(input: $input) { id receivedAt } }
`);

export const AssessNotificationForReferralDocument = graphql(`
  mutation AssessNotificationForReferral($input: AssessNotificationInput!) { assessNotification(input: $input) { id assessedAt } }
`);

export const DecideChildAssessmentForReferralDocument = graphql(`
  mutation DecideChildAssessmentForReferral($input: DecideChildAssessmentInput!) {
    decideChildAssessment(input: $input) { id decidedAt }
  }
`);

export const ReferToBoernehusDocument = graphql(`
  mutation ReferToBoernehus($input: ReferToBoernehusInput!) {
    referToBoernehus(input: $input) { id caseId handoverStatus child { id } }
  }
`);

export const IncomingReferralsDocument = graphql(`
  query IncomingReferrals {
    incomingReferrals(first: 100) {
      ...ReferralRowFields
      municipalityCode childAgeAtReferral suspicionOrKnowledge childAssessmentDecided otherSectorInvolved policeReportFiled
    }
  }
`);

export const AcknowledgeReferralDocument = graphql(`
  mutation AcknowledgeReferral($referralId: ID!) {
    acknowledgeReferral(referralId: $referralId) { id handoverStatus acknowledgedAt acknowledgedByName }
  }
`);

/** The municipality's signed statement of the referral (120 s), fetched right before registering. */
export const ReferralRegistrationStatementDocument = graphql(`
  query ReferralRegistrationStatement($id: ID!) { referral(id: $id) { id registrationStatement } }
`);

export const RegisterCourseFromReferralDocument = graphql(`
  mutation RegisterCourseFromReferral($input: RegisterCourseFromReferralInput!) {
    registerCourseFromReferral(input: $input) { referralId receipt case { id status } }
  }
`);

export const RecordCourseRegisteredDocument = graphql(`
  mutation RecordCourseRegistered($input: RecordCourseRegisteredInput!) {
    recordCourseRegistered(input: $input) { id handoverStatus courseRegisteredAt }
  }
`);

/** A custody holder as the page lists them and adding one returns them. */
export const CustodyHolderFieldsFragmentDoc = graphql(`
  fragment CustodyHolderFields on CustodyHolder { id name relation objectsToVideoInterview }
`);

export const CustodyHoldersDocument = graphql(`
  query CustodyHolders($id: ID!) {
    child(id: $id) {
      id firstName lastName videoInterviewObjection
      custodyHolders { ...CustodyHolderFields }
    }
  }
`);

export const AddCustodyHolderDocument = graphql(`
  mutation AddCustodyHolder($input: AddCustodyHolderInput!) { addCustodyHolder(input: $input) { ...CustodyHolderFields } }
`);

export const RecordVideoInterviewObjectionDocument = graphql(`
  mutation RecordVideoInterviewObjection($input: RecordVideoInterviewObjectionInput!) {
    recordVideoInterviewObjection(input: $input) { id objectsToVideoInterview }
  }
`);

/** For the police's booking: the municipality's signed word on custody (120 s) and the objection to show. */
export const CaseCustodyStatementDocument = graphql(`
  query CaseCustodyStatement($id: ID!) {
    boernehusCase(id: $id) { id custodyStatement child { id videoInterviewObjection } }
  }
`);

/** Who takes part, and the organisations whose people the coordinator may invite. */
export const InviteParticipantCaseDocument = graphql(`
  query InviteParticipantCase($id: ID!) {
    boernehusCase(id: $id) {
      id region municipalityCode
      child { ...ChildName }
      participants { ...CaseParticipantFields }
      servingOrganisations { sector organisation }
    }
  }
`);

export const InviteParticipantDocument = graphql(`
  mutation InviteParticipant($input: AddCaseParticipantInput!) { addCaseParticipant(input: $input) { ...CaseParticipantFields } }
`);

/** Ends a person's part in the case (a replaced caseworker): she loses the case. */
export const RemoveParticipantDocument = graphql(`
  mutation RemoveParticipant($input: RemoveCaseParticipantInput!) { removeCaseParticipant(input: $input) { id name } }
`);
