import { graphql } from "../../generated/gql.ts";

/**
 * The referral hand-off (docs/access-model.md, "The referral hand-off"): the caseworker refers,
 * the børnehus acknowledges and registers the course from the municipality's signed statement,
 * and the status flows back to the municipality's list.
 */

export const MunicipalityReferralsDocument = graphql(`
  query MunicipalityReferrals($municipalityCode: String!) {
    referralsForMunicipality(municipalityCode: $municipalityCode, first: 100) {
      id
      caseId
      referredAt
      boernehusRegion
      abuseTypes
      referredByName
      handoverStatus
      acknowledgedAt
      acknowledgedByName
      courseRegisteredAt
      child {
        id
        firstName
        lastName
      }
    }
  }
`);

export const RegisterChildForReferralDocument = graphql(`
  mutation RegisterChildForReferral($input: RegisterChildInput!) {
    registerChild(input: $input) {
      id
      firstName
      lastName
    }
  }
`);

export const RecordNotificationForReferralDocument = graphql(`
  mutation RecordNotificationForReferral($input: RecordNotificationInput!) {
    recordNotification(input: $input) {
      id
      receivedAt
    }
  }
`);

export const AssessNotificationForReferralDocument = graphql(`
  mutation AssessNotificationForReferral($input: AssessNotificationInput!) {
    assessNotification(input: $input) {
      id
      assessedAt
    }
  }
`);

export const DecideChildAssessmentForReferralDocument = graphql(`
  mutation DecideChildAssessmentForReferral($input: DecideChildAssessmentInput!) {
    decideChildAssessment(input: $input) {
      id
      decidedAt
    }
  }
`);

export const ReferToBoernehusDocument = graphql(`
  mutation ReferToBoernehus($input: ReferToBoernehusInput!) {
    referToBoernehus(input: $input) {
      id
      caseId
      handoverStatus
      child {
        id
      }
    }
  }
`);

export const IncomingReferralsDocument = graphql(`
  query IncomingReferrals {
    incomingReferrals(first: 100) {
      id
      caseId
      referredAt
      municipalityCode
      boernehusRegion
      abuseTypes
      childAgeAtReferral
      suspicionOrKnowledge
      childAssessmentDecided
      otherSectorInvolved
      policeReportFiled
      referredByName
      handoverStatus
      acknowledgedAt
      acknowledgedByName
      child {
        id
        firstName
        lastName
      }
    }
  }
`);

export const AcknowledgeReferralDocument = graphql(`
  mutation AcknowledgeReferral($referralId: ID!) {
    acknowledgeReferral(referralId: $referralId) {
      id
      handoverStatus
      acknowledgedAt
      acknowledgedByName
    }
  }
`);

/** The municipality's signed statement of the referral (120 s), fetched right before registering. */
export const ReferralRegistrationStatementDocument = graphql(`
  query ReferralRegistrationStatement($id: ID!) {
    referral(id: $id) {
      id
      registrationStatement
    }
  }
`);

export const RegisterCourseFromReferralDocument = graphql(`
  mutation RegisterCourseFromReferral($input: RegisterCourseFromReferralInput!) {
    registerCourseFromReferral(input: $input) {
      referralId
      receipt
      case {
        id
        status
      }
    }
  }
`);

export const RecordCourseRegisteredDocument = graphql(`
  mutation RecordCourseRegistered($input: RecordCourseRegisteredInput!) {
    recordCourseRegistered(input: $input) {
      id
      handoverStatus
      courseRegisteredAt
    }
  }
`);

export const CustodyHoldersDocument = graphql(`
  query CustodyHolders($id: ID!) {
    child(id: $id) {
      id
      firstName
      lastName
      videoInterviewObjection
      custodyHolders {
        id
        name
        relation
        objectsToVideoInterview
      }
    }
  }
`);

export const AddCustodyHolderDocument = graphql(`
  mutation AddCustodyHolder($input: AddCustodyHolderInput!) {
    addCustodyHolder(input: $input) {
      id
      name
      relation
      objectsToVideoInterview
    }
  }
`);

export const RecordVideoInterviewObjectionDocument = graphql(`
  mutation RecordVideoInterviewObjection($input: RecordVideoInterviewObjectionInput!) {
    recordVideoInterviewObjection(input: $input) {
      id
      objectsToVideoInterview
    }
  }
`);

/** For the police's booking: the municipality's signed word on custody (120 s) and the objection to show. */
export const CaseCustodyStatementDocument = graphql(`
  query CaseCustodyStatement($id: ID!) {
    boernehusCase(id: $id) {
      id
      custodyStatement
      child {
        id
        videoInterviewObjection
      }
    }
  }
`);

/** Who takes part, and the organisations whose people the coordinator may invite. */
export const InviteParticipantCaseDocument = graphql(`
  query InviteParticipantCase($id: ID!) {
    boernehusCase(id: $id) {
      id
      region
      municipalityCode
      child {
        id
        firstName
        lastName
      }
      participants {
        id
        name
        sector
        organisation
        role
      }
      servingOrganisations {
        sector
        organisation
      }
    }
  }
`);

export const InviteParticipantDocument = graphql(`
  mutation InviteParticipant($input: AddCaseParticipantInput!) {
    addCaseParticipant(input: $input) {
      id
      name
      sector
      organisation
      role
    }
  }
`);
