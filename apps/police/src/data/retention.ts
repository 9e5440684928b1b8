import { ANONYMISED, type RetentionStep } from "@samraad/subgraph-kit";

const reportsOfCase = `"policeReportId" IN (SELECT "id" FROM "PoliceReport" WHERE "caseId" = $1::uuid)`;

/**
 * What the police delete or anonymise when a course's retention period has run out.
 * Kept: the report's dates, district and investigation status, interview dates and
 * status, and the suspect's relation category (statistics); the journal number links
 * to the police's own records, which follow the police's rules.
 */
export const policeRetention: RetentionStep[] = [
  {
    entity: "Suspect",
    action: "ANONYMISED",
    fieldPaths: ["Suspect.name"],
    sql: `UPDATE "Suspect" SET "name" = '${ANONYMISED}' WHERE ${reportsOfCase}`,
  },
  {
    entity: "VideoInterview",
    action: "ANONYMISED",
    fieldPaths: ["VideoInterview.interviewerName", "VideoInterview.cancellationReason"],
    sql: `UPDATE "VideoInterview" SET "interviewerName" = NULL,
            "cancellationReason" = CASE WHEN "cancellationReason" IS NULL THEN NULL ELSE '${ANONYMISED}' END
          WHERE ${reportsOfCase}`,
  },
];
