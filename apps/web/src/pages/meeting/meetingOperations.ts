import { graphql } from "../../generated/gql.ts";

export const MeetingPageDocument = graphql(`
  query MeetingPage($caseId: ID!, $meetingId: ID!) {
    boernehusCase(id: $caseId) {
      id
      status
      region
      child {
        id
        firstName
        lastName
      }
    }
    samraadMeeting(id: $meetingId) {
      id
      caseId
      kind
      status
      scheduledAt
      heldAt
      agenda
      minutes
      cancellationReason
      version
      participants {
        sub
        name
        sector
        organisation
        role
      }
      decisions {
        activity
        decision
        responsibleSector
      }
      actionItems {
        id
        title
        owningSector
        dueAt
        status
        completedAt
        version
      }
    }
  }
`);

export const PlanMeetingCaseDocument = graphql(`
  query PlanMeetingCase($caseId: ID!) {
    boernehusCase(id: $caseId) {
      id
      status
      child {
        id
        firstName
        lastName
      }
      samraadMeetings {
        id
        kind
        status
      }
      participants {
        id
        sub
        name
        sector
        organisation
        role
      }
    }
  }
`);

export const PlanSamraadMeetingDocument = graphql(`
  mutation PlanSamraadMeeting($input: PlanSamraadMeetingInput!) {
    planSamraadMeeting(input: $input) {
      id
      caseId
      kind
      status
      scheduledAt
      agenda
      version
    }
  }
`);

export const RecordSamraadMeetingHeldDocument = graphql(`
  mutation RecordSamraadMeetingHeld($input: RecordSamraadMeetingHeldInput!) {
    recordSamraadMeetingHeld(input: $input) {
      id
      status
      heldAt
      minutes
      version
      decisions {
        activity
        decision
        responsibleSector
      }
    }
  }
`);

export const AddActionItemDocument = graphql(`
  mutation AddActionItem($input: AddActionItemInput!) {
    addActionItem(input: $input) {
      id
      meetingId
      title
      owningSector
      dueAt
      status
      version
    }
  }
`);

export const UpdateActionItemStatusDocument = graphql(`
  mutation UpdateActionItemStatus($input: UpdateActionItemStatusInput!) {
    updateActionItemStatus(input: $input) {
      id
      status
      completedAt
      version
    }
  }
`);
