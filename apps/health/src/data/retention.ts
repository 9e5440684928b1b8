import { ANONYMISED, type RetentionStep } from "@samraad/subgraph-kit";

/**
 * What health care deletes or anonymises when a course's retention period has run out
 * (default 10 years: patient records). Kept: examination kinds, dates, status, unit and
 * region, onward referral targets and dates (statistics).
 */
export const healthRetention: RetentionStep[] = [
  {
    entity: "MedicalExamination",
    action: "ANONYMISED",
    fieldPaths: [
      "MedicalExamination.physicianName",
      "MedicalExamination.findingsSummary",
      "MedicalExamination.clinicalDetails",
      "MedicalExamination.cancellationReason",
    ],
    sql: `UPDATE "MedicalExamination" SET "physicianName" = NULL, "findingsSummary" = NULL, "clinicalDetails" = NULL,
            "cancellationReason" = CASE WHEN "cancellationReason" IS NULL THEN NULL ELSE '${ANONYMISED}' END
          WHERE "caseId" = $1::uuid`,
  },
  {
    entity: "OnwardReferral",
    action: "ANONYMISED",
    fieldPaths: ["OnwardReferral.reason"],
    sql: `UPDATE "OnwardReferral" SET "reason" = '${ANONYMISED}' WHERE "caseId" = $1::uuid`,
  },
];
