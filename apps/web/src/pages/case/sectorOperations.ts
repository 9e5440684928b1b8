import { graphql } from "../../generated/gql.ts";

/** The børnehus's 60-second write grant for a case, fetched right before a write another sector takes. */
export const CaseWriteGrantDocument = graphql(`
  query CaseWriteGrant($id: ID!) { boernehusCase(id: $id) { id writeGrant } }
`);

export const BookVideoInterviewDocument = graphql(`
  mutation BookVideoInterview($input: BookVideoInterviewInput!) {
    bookVideoInterview(input: $input) { id status scheduledAt interviewerName version }
  }
`);

export const ScheduleMedicalExaminationDocument = graphql(`
  mutation ScheduleMedicalExamination($input: ScheduleMedicalExaminationInput!) {
    scheduleMedicalExamination(input: $input) { id caseId kind status scheduledAt unit version }
  }
`);

export const RecordMedicalExaminationPerformedDocument = graphql(`
  mutation RecordMedicalExaminationPerformed($input: RecordMedicalExaminationPerformedInput!) {
    recordMedicalExaminationPerformed(input: $input) { id status performedAt findingsSummary clinicalDetails physicianName version }
  }
`);

export const FilePoliceReportDocument = graphql(`
  mutation FilePoliceReport($input: FilePoliceReportInput!) {
    filePoliceReport(input: $input) { id journalNumber district reportedAt }
  }
`);
