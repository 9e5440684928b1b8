import {
  ANONYMISED,
  motivationRecordRetention,
  OF_CASE_SQL as ofCase,
  pseudonymSql as pseudonym,
  type RetentionStep,
} from "@samraad/subgraph-kit";

/** The child of this case, once every case of the child is due. */
const childOfCase = `"id" IN (SELECT "childId" FROM "Referral" WHERE "caseId" = $1::uuid)
  AND NOT EXISTS (SELECT 1 FROM "Referral" other WHERE other."childId" = "Child"."id" AND NOT (other."caseId"::text = ANY($2::text[])))`;
const ofChild = `"childId" IN (SELECT "id" FROM "Child" WHERE ${childOfCase})`;

/**
 * What the municipality deletes or anonymises when a course's retention period has run
 * out. Kept for the statistics: ids, dates, kinds, the municipality code, gender and the
 * child's birth year (age bands), abuse types, measures and responses.
 */
export const municipalityRetention: RetentionStep[] = [
  {
    entity: "CustodyHolder",
    action: "ANONYMISED",
    fieldPaths: ["CustodyHolder.name"],
    sql: `UPDATE "CustodyHolder" SET "name" = '${ANONYMISED}' WHERE ${ofChild}`,
  },
  {
    entity: "Notification",
    action: "ANONYMISED",
    fieldPaths: ["Notification.concern"],
    sql: `UPDATE "Notification" SET "concern" = '${ANONYMISED}' WHERE ${ofChild}`,
  },
  {
    entity: "Child",
    action: "ANONYMISED",
    fieldPaths: ["Child.cpr", "Child.firstName", "Child.lastName", "Child.birthDate"],
    sql: `UPDATE "Child" SET "cpr" = 'anon:' || "id", "firstName" = '${ANONYMISED}', "lastName" = '${ANONYMISED}',
            "birthDate" = date_trunc('year', "birthDate")::date
          WHERE ${childOfCase}`,
  },
  {
    entity: "Referral",
    action: "ANONYMISED",
    fieldPaths: ["Referral.referredBySub"],
    sql: `UPDATE "Referral" SET "referredBySub" = ${pseudonym('"referredBySub"')} WHERE ${ofCase} AND "referredBySub" IS NOT NULL AND "referredBySub" NOT LIKE 'pseud:%'`,
  },
  {
    entity: "CaseworkerAssignment",
    action: "ANONYMISED",
    fieldPaths: ["CaseworkerAssignment.caseworkerSub", "CaseworkerAssignment.caseworkerName"],
    sql: `UPDATE "CaseworkerAssignment" SET "caseworkerSub" = ${pseudonym('"caseworkerSub"')}, "caseworkerName" = '${ANONYMISED}' WHERE ${ofCase} AND "caseworkerSub" NOT LIKE 'pseud:%'`,
  },
  {
    entity: "RecommendationResponse",
    action: "ANONYMISED",
    fieldPaths: [
      "RecommendationResponse.otherSupport",
      "RecommendationResponse.note",
      "RecommendationResponse.respondedBySub",
      "RecommendationResponse.respondedByName",
    ],
    sql: `UPDATE "RecommendationResponse" SET "otherSupport" = CASE WHEN "otherSupport" IS NULL THEN NULL ELSE '${ANONYMISED}' END,
            "note" = NULL, "respondedBySub" = ${pseudonym('"respondedBySub"')}, "respondedByName" = '${ANONYMISED}'
          WHERE ${ofCase} AND "respondedBySub" NOT LIKE 'pseud:%'`,
  },
  motivationRecordRetention("MunicipalityMotivationRecord"),
];
