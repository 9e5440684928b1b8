import { graphql } from "../../generated/gql.ts";

/** A decision of a held samråd, per activity: the meeting shows them and recording the meeting returns them. */
export const ActivityDecisionFieldsFragmentDoc = graphql(`
  fragment ActivityDecisionFields on ActivityDecision { activity decision responsibleSector }
`);

export const PlanMeetingCaseDocument = graphql(`
  query PlanMeetingCase($caseId: ID!) {
    boernehusCase(id: $caseId) {
      id status
      child { ...ChildName }
      samraadMeetings { id kind status }
      participants { ...CaseParticipantFields }
    }
  }
`);

export const PlanSamraadMeetingDocument = graphql(`
  mutation PlanSamraadMeeting($input: PlanSamraadMeetingInput!) {
    planSamraadMeeting(input: $input) { id caseId kind status scheduledAt agenda version }
  }
`);

export const RecordSamraadMeetingHeldDocument = graphql(`
  mutation RecordSamraadMeetingHeld($input: RecordSamraadMeetingHeldInput!) {
    recordSamraadMeetingHeld(input: $input) {
      id status heldAt minutes version
      decisions { ...ActivityDecisionFields }
    }
  }
`);

export const AddActionItemDocument = graphql(`
  mutation AddActionItem($input: AddActionItemInput!) {
    addActionItem(input: $input) { ...ActionItemFields }
  }
`);

export const UpdateActionItemStatusDocument = graphql(`
  mutation UpdateActionItemStatus($input: UpdateActionItemStatusInput!) {
    updateActionItemStatus(input: $input) { id status completedAt version }
  }
`);
