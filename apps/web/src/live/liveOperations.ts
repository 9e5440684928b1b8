import { graphql } from "../generated/gql.ts";

/** A case's changes as they commit (docs/live.md): ids and a version, never personal data. */
export const LiveCaseDocument = graphql(`
  subscription LiveCase($caseId: ID!, $meetingId: ID) {
    caseChanged(caseId: $caseId, meetingId: $meetingId) { caseId change recordId version }
  }
`);

/** Who else has the meeting open: fetched again when a PRESENCE event says it changed. */
export const MeetingPresenceDocument = graphql(`
  query MeetingPresence($meetingId: ID!) {
    samraadMeeting(id: $meetingId) { id openBy { name sector } }
  }
`);
