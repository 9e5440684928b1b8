import { graphql } from "../../generated/gql.ts";

/** A municipality leader changes the case's caseworker (issue 23.2). */
export const AssignCaseworkerDocument = graphql(`
  mutation AssignCaseworker($input: AssignCaseworkerInput!, $idempotencyKey: String) {
    assignCaseworker(input: $input, idempotencyKey: $idempotencyKey) { id caseworkerName from to }
  }
`);

/** The municipality or the børnehus records a consultation (sparring, issue 23.3). */
export const RecordConsultationDocument = graphql(`
  mutation RecordConsultation($input: RecordConsultationInput!, $idempotencyKey: String) {
    recordConsultation(input: $input, idempotencyKey: $idempotencyKey) { id heldAt withSector recordedBySector recordedByName }
  }
`);

/** The municipality leader's caseload per caseworker, against the 20-25 guideline. */
export const CaseworkerCaseloadsDocument = graphql(`
  query CaseworkerCaseloads {
    caseworkerCaseloads {
      caseworkerSub caseworkerName boernehusCourses takenOver totalCaseload totalCaseloadReportedAt guideline
    }
  }
`);
